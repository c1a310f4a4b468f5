"""gaoxin: figures of the Dalian High-tech Zone 2019 review, each with its source quote."""
