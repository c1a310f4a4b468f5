"""The command line: gaoxin's options and the registry of commands (`app`), one
module per command (`commands`), what they share (`common`), plain parameter
coercion (`params`), and the one place errors become messages and exit codes
(`boundary`)."""
