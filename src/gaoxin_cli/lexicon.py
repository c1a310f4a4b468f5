"""Every word list the tool reads Chinese text with, in one place: validate,
the draft, search and the article check all read these, and the messages
that list words are made from them.

Punctuation is written once (`CLAUSE_STOPS`) and each reader's set of
clause, phrase and sentence ends is made of it; numerals, counters, scale
words and units; hedge words and the qualifier each asks for; the cue words
of measures (growth, decline, shares, rates, additions, totals, comparisons);
the words around a figure's subject; section cues of headings; and the set
phrases and date words that make a number no figure. (Patterns that embed a
few words of their own, such as the ranks of `draft/cues.py`, stay beside
the code that reads them.)
"""

# --- punctuation and spaces -------------------------------------------------

#: What the article's text leaves out: spaces (half- and full-width) and line breaks.
SPACES = frozenset(" \t\r\n\u3000\u00a0")
#: The marks that end a clause in every reader: commas, full stops, semicolons,
#: exclamation and question marks, half- and full-width.
CLAUSE_STOPS = "，,。；;！!？?"
#: Where `validate --source` ends the clause it quotes around a figure.
FIGURE_CLAUSE_END = CLAUSE_STOPS + "\n"
#: What ends a clause for the draft: also colons and parentheses.
CLAUSE_END = frozenset(CLAUSE_STOPS + ":：()（）")
#: What ends a sentence, and what ends one for good (not a semicolon).
SENTENCE_END = frozenset("。!！?？;；")
STOPS = frozenset("。!！?？")
#: What may end a figure's phrase: "以上" before anything else belongs to a noun
#: ("亿元以上项目", "副处级以上"), not to the figure.
PHRASE_END = frozenset(CLAUSE_STOPS + '、：:）)”" \n')
#: What a heading never holds.
NOT_IN_HEADING = frozenset(CLAUSE_STOPS + "：:、()（）%")
#: Marks a folded line never starts with (they close or follow what comes
#: before) and never ends with (they open what comes after), by the Chinese
#: line-break rules; the half-width ones too.
NO_LINE_START = frozenset("，。、；：！？）」』】》〉”’%％…‥·・,.;:!?)]}〕〗〙〛")  # noqa: RUF001
NO_LINE_END = frozenset("（「『【《〈“‘([{〔〖〘〚")  # noqa: RUF001
#: What parts the terms of a ratio ("1.2:75.1:23.7"): colons of both widths,
#: the vertical two-dot leader and the ratio sign.
RATIO_MARKS = ":：\ufe30\u2236"
#: What joins the items of a list ("0.9和0.4个百分点", "全市、全省").
LIST_JOINERS = "、和及与"

# --- numerals, counters, scales, units -------------------------------------

#: Chinese numerals and their values; 十 百 千 multiply.
DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
MULTIPLIERS = {"十": 10, "百": 100, "千": 1000}
#: Every character of a number written in Chinese numerals.
NUMERAL_CHARS = "".join(DIGITS) + "".join(MULTIPLIERS)
#: The decimal point of Chinese numerals ("六百七十四点七九"), and the words
#: that write a percentage ("百分之十九点八").
NUMERAL_POINT = "点"
PERCENT_WORDS = "百分之"
#: Words before 第N that make it a standing ("全市第一", "居全省第三", "排名第二").
RANK_LEADS = ("全市", "全省", "全国", "全区", "居", "排名", "位列", "排在", "列")
#: Counters after which Chinese numerals are a quantity (两次, 三个, 四级): the
#: article's counting units, and 条 and 届.
COUNTERS = (
    *("场次", "小时", "次", "个", "项", "家", "级", "名"),
    *("人", "场", "所", "座", "户", "年", "天", "件"),
    *("条", "届"),
)
#: Scale words, longest first so that 万亿 is not read as 万.
SCALES: tuple[tuple[str, int], ...] = (("万亿", 10**12), ("亿", 10**8), ("万", 10**4))
#: Base units the article uses, and their normalized English names.
BASE_UNITS: dict[str, str] = {
    "元": "CNY",
    "美元": "USD",
    "%": "percent",
    "‰": "permille",
    "个百分点": "percentage_points",
    "微克/立方米": "µg/m³",
    "家": "organizations",
    "件": "items",
    "个": "items",
    "项": "items",
    "名": "people",
    "人": "people",
    "人次": "person-times",
    "次": "times",
    "场次": "events",
    "场": "events",
    "所": "institutions",
    "座": "facilities",
    "户": "households",
    "年": "years",
    "级": "levels",
    "天": "days",
    "小时": "hours",
    "条": "items",
    "套": "sets",
    "台": "units",
    "辆": "vehicles",
    "批": "batches",
    "届": "editions",
    "倍": "multiple",
    "位": "place",
    "吨": "tonnes",
    "公里": "km",
    "平方米": "m²",
    "㎡": "m²",
    "公顷": "hectares",
    "亩": "mu",
    "头": "head",
    "只": "head",
    "艘": "ships",
    "架次": "flights",
    "班次": "trips",
    "标准箱": "TEU",
    "标箱": "TEU",
    "千瓦时": "kWh",
    "千伏安": "kVA",
    "千瓦": "kW",
    "千米": "km",
    "立方米": "m³",
    "平方公里": "km²",
    "公斤": "kg",
}
#: Units that a scale word cannot precede.
UNSCALED = frozenset({"%", "‰", "个百分点", "微克/立方米"})

# --- hedges ----------------------------------------------------------------

#: Every word that hedges a figure: (word, the qualifier it asks for, where it
#: stands): "before" the figure, "after" it (余 and 多 also inside its unit:
#: "42.8万余件"; 以上 and 左右 after its unit: "4.5%左右"), or "scoped": anywhere
#: before it in its clause ("预计，全市实现…", "每月至少召开两次例会"). The one
#: list: quotes (and so validate and draft) read it, search finds its words,
#: messages and help name them.
HEDGE_WORDS: tuple[tuple[str, str, str], ...] = (
    ("余", "over", "after"),
    ("多", "over", "after"),
    ("以上", "over", "after"),
    ("超过", "over", "before"),
    ("逾", "over", "before"),
    ("突破", "over", "before"),
    ("近", "nearly", "before"),
    ("约", "about", "before"),
    ("左右", "about", "after"),
    ("至少", "at_least", "scoped"),
    ("不少于", "at_least", "before"),
    ("不低于", "at_least", "before"),
    ("不超过", "at_most", "before"),
    ("不高于", "at_most", "before"),
    ("不到", "at_most", "before"),
    ("不足", "at_most", "before"),
    ("以内", "at_most", "after"),
    ("以下", "at_most", "after"),
    ("超", "over", "before"),
)
#: Words that give a figure's status, not its bound: (word, the status it
#: asks for). Each holds for every figure after it in its sentence's scope
#: ("预计，全市实现…增长4.5%左右" is estimated and about).
STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("预计", "estimated"),
    ("预期", "estimated"),
    ("初步核算", "preliminary"),
    ("初步统计", "preliminary"),
    ("初步测算", "preliminary"),
    ("初步估算", "preliminary"),
)
#: Words that hold a hedge word but are no hedge: 约 in 签约 (signed) is not
#: "about" ("签约88项"), 超 in 超额 not "over".
NOT_HEDGES = (
    *("签约", "节约", "预约", "合约", "履约", "违约", "制约", "公约", "条约", "特约", "集约"),
    "超额",
)
#: Words after a status word by which it leads a whole sentence, every figure of
#: it ("预计实现地区生产总值391亿元，增长8.6%；财政收入…").
STATUS_LEADS = ("实现", "完成", "全年", "全县", "全区", "全市", "全省", "可")
#: Hedge characters that may sit between a figure and its unit ("42.8万余件").
INSIDE_HEDGES = "余多"
#: Hedge words that may follow a unit before the item of a list ends.
AFTER_UNIT_HEDGES = ("以上", "左右", "余", "多")

# --- cue words of measures -------------------------------------------------

#: Year-on-year change; a decline word makes the figure negative.
GROWTH = (
    *("同比增长", "增长率", "增长", "增速", "增幅", "提高", "上升", "上涨"),
    *("回升", "提升", "同比增", "下降", "下跌", "减少", "回落", "降低"),
    *("负增长", "下滑", "降幅", "跌幅", "减幅"),
)
#: Words by which an article states a negative figure as its magnitude.
DECLINE_WORDS = (
    *("下跌", "低于", "慢于", "下降", "减少", "降低", "回落", "收窄"),
    *("缩小", "负增长", "下滑", "降幅", "跌幅", "减幅", "-", "−"),
)
#: A gap that narrows or widens, in percentage points ("降幅收窄0.6个百分点").
NARROW = ("收窄", "缩小")
WIDEN = ("扩大", "加快")
#: A share of something: of the city (全市) or of another whole.
SHARE = ("占比", "比重", "占")
#: A rate or ratio, and percentages nothing else explains.
RATE = ("率", "比例")
#: Newly added in the year.
INCREASE = (
    *("新增", "新建", "净增", "引进", "新认定", "新入驻", "新设立", "新落户"),
    *("新开工", "新注册", "新登记", "扩建"),
)
#: A total, whatever came before it in the clause ("累计建成43家").
LEVEL = ("累计", "总数", "总量", "共有", "拥有", "总计", "合计")
#: Comparisons in percentage points, their sign, and what they compare with.
COMPARE = {"高于": 1, "快于": 1, "超出": 1, "低于": -1, "慢于": -1}
TARGETS = {"全市": "vs_city", "全省": "vs_province", "全国": "vs_national"}
#: "比全市高 N 个百分点": the target after 比, the sign after the target.
COMPARE_AFTER = {"高": 1, "快": 1, "多": 1, "低": -1, "慢": -1, "少": -1}

# --- the words around a figure's subject -----------------------------------

#: Words that end a clause's subject before its figure ("…完成85亿元").
TRAILING = (
    *("预计", "同比", "下降至", "降至", "升至", "增至", "提高至", "提高到", "提升到", "提升至"),
    *("增加到", "增加至", "上调到", "上调至", "调整为", "分别为", "分别", "已达到", "达到"),
    *("已达", "达", "为", "是", "完成", "实现了", "实现", "控制在", "保持在", "超过", "逾", "近"),
    *("约", "共", "的", "已", "均", "累计", "总数", "合计", "首批"),
    *GROWTH,
    *SHARE,
    *COMPARE,
    *TARGETS,
)
#: Words that start a clause before its subject ("全年", "其中", "共引进").
LEADING = (
    *("预计", "以上", "以下", "比上年", "较上年", "比去年", "同比", "全年", "全区", "其中", "共"),
    *("成功", "已经", "已", "还", "先后", "并", "同时", "此外", "通过", "对", "有", "当年"),
    *("年内", "实现", "完成"),
    *INCREASE,
)
#: A clause that starts so goes on about the subject before it ("增长6%", "占全市的1/6").
CONTINUING = (*GROWTH, *SHARE, *COMPARE, *LEVEL, "实际", "同比", "覆盖", "金额", "总额", "其中")
#: Words that join a noun to what follows it.
CONNECTIVES = ("与", "和", "及", "对", "向", "的", "等")

# --- headings, and numbers that are no figures ------------------------------

#: Words that end the name of an area a review is about, longest first; and
#: characters no such name holds ("的浦东新区" is 浦东新区, "全县" no name).
AREA_WORDS = ("自治区", "自治州", "自治县", "高新区", "开发区", "新区", "县", "区", "市")
AREA_NOT_IN = frozenset(
    "的在是和与对全本该各及从向为将地年季度月日实现带领表记者示范城市县区省"
    "验景园社街片贸保业一二三四五六七八九十"
)
#: Characters after an area word that make it part of another word (市场, 区域, 县级).
AREA_NOT_AFTER = frozenset("场民级委域间属内外长政")

#: Characters written only in traditional Chinese, the most frequent in
#: reviews and statistics releases first (億 萬 區 業 產 發 …): text that holds
#: none of them is read as it is, without converting it (search reads a
#: Chinese word in either script this way, at no cost for simplified text).
TRADITIONAL_HINTS = frozenset(
    "區業長億產發進創實點個項動務連經資總國濟現對會設東標題為術開強辦計達規堅萬問體幹"
    "黨爲記學勢優機環數預額過於專顯領時營來園統續穩責當衆員類調構獲羣臺頭導費稅聯網報"
    "準處難電據運範産質組從佔縣擔層結級試裝與爭嚴風場奮鬥織啓間確轉線積極獻灣別備醫態"
    "內貨評決雙軟鄧條貢樂驗號圖攝廣關貿際較綜財復勁噸團議歷單負興輝書紀綠幣劃楊細車隊"
    "斷價藥帶釋驅佈製寧編擊陸黃寶屆氣約揮戶廳鎮習舉駐違減應繼兩終這變門漲訊圍戰蕪鐵張"
    "衝顧績貫籌險執農潛欽裏義遼掛麼檢請軍權審頻紮邊監該種榮債療廠撐飲擴陳繞僅輸聞樓湯"
    "彥偉檻將紹徹綿陽屬徑協礎龍礪鏗鏘夢華談講話錶遺肅職魚緊攜訪餘亞馬擁輪淨賽獎並掃衛"
    "廁獨獸銀後錄視競讓蓋孫詳鋼論歐觀煙維娛絡償蘇曉瓊韓暢鞏趨礦糧徵鬱輯曄銷沖雜節爾冊"
    "鄭恆說轄選昇憂漸鄉諧畫碼樞紐簡麗蹟贏壯敗頑篤複給謀礙懷則響誰韌搶萊遜證鏈託簽濃覈"
    "惡兒盤矚辭潔勵識認離貸兌還舊換祕擬頸順築歡滬蔣鋒陣親遠無鍵見瑣熱聽繫燈養護擋橋煥"
    "夠渙訓況寬採貧"
)
#: Words of a question in Chinese that name nothing to find ("高新技术企业有多少家"):
#: search drops them and looks for the words between, longest first.
QUESTION_WORDS = (
    *("是多少", "有多少", "多少", "哪一个", "哪个", "哪些", "哪里", "是什么", "什么"),
    *("怎么样", "几个", "指标"),
)
#: Characters that end a question and name nothing ("…了吗").
QUESTION_ENDS = "吗呢了"

#: Sections of the fact-file format, by words their headings use, in the order
#: tried (the first word found in a heading decides).
SECTION_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("investment", ("招商", "双创", "引资", "创业")),
    ("economy", ("经济指标", "经济运行", "经济发展", "主要指标", "经济")),
    ("innovation", ("科技创新", "创新", "科技", "研发", "产业")),
    ("services", ("营商环境", "政务服务", "服务", "营商", "审批")),
    ("governance", ("社会治理", "民生", "治理", "生态", "环境", "城市", "社会事业")),
    ("party", ("从严治党", "党建", "党的建设", "作风", "廉政", "党")),
)
#: Set phrases whose numeral names a policy rather than counts ("八项规定").
SET_PHRASES = (
    *("八项规定", "两学一做", "三严三实", "四个意识", "四个全面", "五位一体", "四风"),
    *("三次产业", "三大产业"),
)
#: Nouns after a count in Chinese numerals that make it part of a name: "十项重点任务",
#: "十七届人大", "三次会议", "四中全会".
NAMED_COUNTS = (
    *("重点任务", "任务", "会议", "全会", "中全会", "人大", "人代会", "党代会", "代表大会"),
    "政协",
)
#: Words before "N年" that make it a span of time, not a count: "今后三年", "历经20年".
YEARS_SPAN = ("今后", "过去", "未来", "历经", "经过")
#: Words after "N年" that make it a span of time: "五年来", "十年来".
YEARS_SINCE = ("来", "以来")
#: What after a number makes it an hour of the day: "上午9时" (16:20 is read whole).
TIME_AFTER = ("时",)
#: What after a number makes it a date: 3月, 24日, 5号.
DATE_AFTER = ("月", "日", "号")

# --- the words of claims checked against facts ------------------------------

#: Nouns that, after an indicator's name, make another indicator of it: 贷款余额
#: (a balance) is no 新增贷款, 就业率 no 新增就业 (`gaoxin check`).
OTHER_HEADS = ("余额", "率", "比重", "指数", "密度", "均价", "单价")
#: Words by which a sentence denies or disputes what it states: its figures
#: are no claims to call right ("并未达到85亿元", "…的说法不实").
NEGATIONS = (
    *("并未", "尚未", "未能", "未达", "未完成", "未实现", "没有", "并非", "不是"),
    *("不实", "否认", "虚假", "谣言", "不属实"),
)
#: Words that make a figure a target or a plan, not an outcome ("目标为85亿元").
TARGET_WORDS = ("目标", "力争", "计划", "争取", "确保")
#: Words that name a part of a year: a figure of a quarter or half is no
#: figure of the year ("一季度", "上半年", "1-6月", "前三季度").
_MONTH = "[0-9一二三四五六七八九十]{1,2}"
PART_OF_YEAR = (
    f"季度|上半年|下半年|前[一二三四五六七八九十]{{1,2}}个月"
    f"|{_MONTH}[-—~\uff5e至到]{_MONTH}月|{_MONTH}月份"
)
#: Words that make a figure one per head or per household ("万人有效发明专利
#: 拥有量"): a claim without them states a total, not that figure.
PER_HEAD = ("万人", "人均", "每万人", "每千人", "每百人", "户均", "每人", "每户")
#: Whole areas a claim may be about instead of its dataset's area ("全市固定资产投资").
WHOLE_AREAS = ("全市", "全省", "全国", "本市", "我市", "全县", "本省", "我省")
#: Wholes a share may be of that are not the city ("占全省43%").
OTHER_WHOLES = ("全省", "全国", "本省", "我省")
#: Characters before a whole area that make it a comparison or a share of it
#: ("占全市", "高于全市", "比全省", "居全国"), not the claim's subject.
COMPARED_BEFORE = "占于比居列超"
#: Words that end the name of a place a claim may be about ("大连市", "甘井子区"),
#: and the names of a zone's own area that are no other place ("全区").
PLACE_ENDS = ("市", "省", "县", "国", "区")
OWN_AREAS = ("全区", "本区", "我区", "园区")
#: Words before a year that make it the year compared with ("比2018年增长").
YEAR_COMPARED = "比较较于与同"
#: The word after a list of subjects that pairs them with the figures after it.
RESPECTIVELY = "分别"
#: Joiners of a list of subjects ("专利申请量、授权量分别为…").
SUBJECT_JOINERS = "、和及与"
#: Capital numerals (大写, on cheques and contracts) and a fraction's 分之:
#: a quantity written with them is not read as a figure.
CAPITAL_NUMERALS = "壹贰叁肆伍陆柒捌玖拾佰仟"
FRACTION_WORD = "分之"
