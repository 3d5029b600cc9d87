/**
 * Language patterns the rules key on: surnames, titles, suffixes. Written from general knowledge of
 * Chinese naming and news style — not taken from any evaluation file.
 */

/** A set of words written with spaces between them. */
export const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/**
 * Characters as bits by character code (8 KB). The rules ask of every unit whether it starts with a
 * surname or ends like a title or a head; one bit answers for most units, where a Set would need the
 * character cut out as a string of its own (a new string for every CJK character) or tails sliced off.
 */
export function characterMarks(chars: Iterable<number>): Int32Array {
  const marks = new Int32Array(0x10000 >>> 5);
  for (const c of chars) marks[c >>> 5]! |= 1 << (c & 31);
  return marks;
}

/** Marks for one-character strings (a list's or a set's). */
export const marksOf = (chars: Iterable<string>): Int32Array => characterMarks([...chars].map((c) => c.charCodeAt(0)));

/** Whether the character code is marked; false for NaN (a position past the end). */
export const isMarked = (marks: Int32Array, code: number): boolean => code === code && (marks[code >>> 5]! & (1 << (code & 31))) !== 0;

/** The last characters of a set's words (see `characterMarks`). */
export const lastCharacters = (set: Set<string>): Int32Array => characterMarks([...set].map((w) => w.charCodeAt(w.length - 1)));

/** Whether text's last character is marked; false for the empty text. */
export const endsInMarked = (marks: Int32Array, text: string): boolean => isMarked(marks, text.charCodeAt(text.length - 1));

/** Words read from their last character back: which of them a text ends with, in a few steps from its end. */
export interface SuffixTrie {
  next: Map<number, SuffixTrie>;
  word: boolean;
}

export function suffixTrie(words: Iterable<string>): SuffixTrie {
  const root: SuffixTrie = { next: new Map(), word: false };
  for (const w of words) {
    let node = root;
    for (let k = w.length - 1; k >= 0; k--) {
      let child = node.next.get(w.charCodeAt(k));
      if (!child) node.next.set(w.charCodeAt(k), (child = { next: new Map(), word: false }));
      node = child;
    }
    node.word = true;
  }
  return root;
}

/**
 * The length of the longest word of the trie that text ends with (at most `max` characters), 0 if
 * none: no tail is sliced off as a string to look up, which matters on every unit of every text.
 */
export function longestSuffix(trie: SuffixTrie, text: string, max = Infinity): number {
  let node: SuffixTrie | undefined = trie;
  let best = 0;
  for (let k = 1; k <= text.length && k <= max; k++) {
    node = node.next.get(text.charCodeAt(text.length - k));
    if (!node) break;
    if (node.word) best = k;
  }
  return best;
}

/** Common single-character surnames (the bulk of the 百家姓 in modern use). */
export const SURNAMES = new Set(
  ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
    '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由')
    .split(''),
);

export const SURNAME_CHARS = marksOf(SURNAMES);

export const COMPOUND_SURNAMES = words('欧阳 司马 诸葛 上官 东方 皇甫 令狐 慕容 司徒 尉迟 公孙 夏侯 长孙 宇文 轩辕 端木 呼延 西门 南宫 独孤 澹台 万俟 申屠 钟离 拓跋');

export const COMPOUND_SURNAME_FIRSTS = characterMarks([...COMPOUND_SURNAMES].map((s) => s.charCodeAt(0)));

/** Surnames so common as ordinary words that a 2-character name starting with them needs context. */
export const AMBIGUOUS_SURNAMES = new Set('和从向成全于时明高常安文于平来都元信由相计国海原花双水云金石白万'.split(''));

/** Characters seen in given names that are rarely the second half of an ordinary word. */
export const GIVEN_NAME_CHARS = new Set(
  ('伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘' +
    '秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟' +
    '军兵杰斌钢铁锋金银铭锐镇长远宝喜祖根银堂仲庭继绪纲维尧舜禹汉唐宋元清宪法治理珍顺昆仑岭嵩泰华峻松柏梓楷楠栋杨柳桐森炳焕煜熙烨燃焱炜晖晔曦昊昕暄晗晟景智慧聪颖睿哲')
    .split(''),
);

/** Characters that make transliterated foreign names (克林顿, 叶利钦, 阿拉法特). */
export const TRANSLIT_CHARS = new Set(
  '延若潘扎洛贾莉阿埃艾安奥巴拔贝本比彼宾顿钦夫科基斯诺林伦儿尔弗普勒罗布莱姆茨兹盖戈纳萨波伯布查达戴丹道德迪蒂杜多厄恩尔法菲费芬弗福盖冈戈格贡古哈海汉豪赫亨胡霍基吉加贾杰金卡凯坎科克肯库奎拉莱赖兰朗劳勒雷里利列林卢鲁伦罗洛马玛迈麦曼梅蒙米密缅摩莫姆穆纳南内尼涅努诺帕佩彭皮普奇齐契乔切萨塞桑瑟森沙尚舍什施舒斯松苏索塔泰坦特提汀图托瓦威韦维温沃乌伍西希谢辛休雅亚扬耶伊因尤于约泽扎詹兹佐茨娃娜娅琳莎丽黛'.split(''),
);

/** Person titles and roles. Before a name (书记王某), after a name (王某书记), or after an organization. */
export const TITLES = words(`
  书记 副书记 总书记 第一书记 常务副书记 主任 副主任 常务副主任 秘书长 副秘书长 县长 副县长 常务副县长 市长 副市长 常务副市长
  省长 副省长 区长 副区长 乡长 副乡长 镇长 副镇长 村长 州长 主席 副主席 总理 副总理 部长 副部长 局长 副局长 厅长 副厅长 处长
  副处长 科长 院长 副院长 校长 副校长 所长 站长 馆长 社长 会长 副会长 理事长 行长 副行长 厂长 董事长 副董事长 总经理 副总经理
  经理 总裁 副总裁 总监 董事 监事 主管 记者 编辑 主编 总编辑 委员 常委 组长 副组长 队长 团长 军长 师长 司令 司令员 政委 参谋长
  大使 总统 副总统 首相 议长 外长 国务卿 国王 女王 王子 亲王 教授 研究员 工程师 博士 检察长 庭长 审判长 发言人 总干事 秘书
  主持人 负责人 创始人 法人 代表 党委书记 总工程师 总会计师 调研员 巡视员 指导员 教练 主教练 领队 船长 机长 首席执行官
`);

export const TITLE_ENDS = lastCharacters(TITLES);
export const TITLE_SUFFIXES = suffixTrie(TITLES);

/** Respectful or familiar forms after a name that also mark a person (王某同志, 克林顿先生). */
export const PERSON_SUFFIX_WORDS = words('同志 先生 女士 小姐 夫人 老师 师傅 大夫 医生 老人 教授 博士 烈士 总 委员');
const PERSON_SUFFIX_ENDS = lastCharacters(PERSON_SUFFIX_WORDS);

// Membership tests for the word of every unit, several times over (persons, organizations, features):
// the last character's bit first, which rules out most words without hashing a string jieba has just
// made (its hash is not computed yet). The same answers as the sets' `has`.
export const isTitle = (t: string): boolean => isMarked(TITLE_ENDS, t.charCodeAt(t.length - 1)) && TITLES.has(t);
export const isPersonSuffixWord = (t: string): boolean => isMarked(PERSON_SUFFIX_ENDS, t.charCodeAt(t.length - 1)) && PERSON_SUFFIX_WORDS.has(t);

/** Organization heads (the word that ends an organization name). Longest match wins. */
export const ORG_SUFFIXES = words(`
  股份有限公司 有限责任公司 有限公司 公司 集团 集团公司 总公司 分公司 控股 委员会 常委会 常务委员会 党工委 工委 管委会 办事处
  领导小组 工作小组 小组 卫生院 医院 学校 大学 学院 中学 小学 幼儿园 研究所 研究院 研究中心 研究会 中心 协会 学会 联合会 基金会
  总会 商会 工会 总工会 银行 报社 出版社 杂志社 通讯社 电视台 电台 广播电台 日报 晚报 时报 周报 报 部 厅 局 署 院 所 站 社 会 党 团
  队 军 军区 舰队 部队 法院 检察院 政府 人民政府 人大 政协 党委 支部 党支部 总支 党组 办公室 办公厅 俱乐部 工厂 厂 商场 超市 酒店
  饭店 宾馆 联盟 组织 理事会 董事会 代表团 代表处 使馆 大使馆 领事馆 总领事馆 合作社 事务所 馆 博物馆 图书馆 剧院 剧团 乐团 艺术团
  球队 代表队 国家队 联队 俱乐部 议会 国会 参议院 众议院 内阁 政府 议院 警察局 公安局 派出所 法庭 仲裁院 交易所 证券交易所 书店
  园区 开发区 实验室 基地 农场 林场 矿 煤矿 油田 集团有限公司 国务院 委 局 办
`);

export const ORG_HEADS = suffixTrie(ORG_SUFFIXES);

/** Suffixes that are too generic to end a name on their own unless the name before them is strong. */
export const WEAK_ORG_SUFFIXES = words('部 会 社 所 站 院 团 队 军 党 委 办 中心 组织 小组 基地 馆 厂 矿 报 局 处 室');

/** Heads of place names. */
export const PLACE_SUFFIXES = words(`
  省 市 县 区 州 乡 镇 村 街道 自治区 自治州 自治县 特别行政区 地区 新区 开发区 高新区 盟 旗 岛 群岛 半岛 山 山脉 江 河 湖 海 海峡
  湾 港 峡 关 口 洲 平原 高原 盆地 沙漠 草原 林区 垦区 矿区 街 路 大街 大道 广场 桥 大桥 机场 车站 火车站 码头 水库 运河 沟 坝
`);
const PLACE_SUFFIX_ENDS = lastCharacters(PLACE_SUFFIXES);
export const isPlaceSuffix = (t: string): boolean => isMarked(PLACE_SUFFIX_ENDS, t.charCodeAt(t.length - 1)) && PLACE_SUFFIXES.has(t);

/** Words that mark the thing before them as a named project, programme, fund or plan. */
export const PROJECT_CUES = words('项目 工程 行动 基金 平台 计划 规划 方案 实施方案 行动计划 战略 倡议 专项行动 示范工程 产业园');

/** Common nouns that jieba's dictionary wrongly tags as places or names, or that are never entities. */
export const COMMON_WORD_STOPS = words(`
  英雄 深度 城市 东西 平原 外国 爱国 太阳 朝廷 哥哥 海洋 上市 美丽 建国 山区 江湖 大街 王国 开国 共和国 城镇 湖泊 大桥 高原 明白
  文明 阳光 武功 道德 小姐 和尚 王朝 陆军 卫星 雷达 太后 荣誉 古老 冷笑 武林 明星 宫殿 光荣 权威 师傅 老太太 封锁 宣言 胡同
  玉米 师兄 顾问 王爷 帝王 王公 智慧 贡献者 维生素 花岗岩 汉白玉 丘陵 言语 伟大 平凡 人民 群众 国家 政府 党 社会 世界 中央 地方
  全国 全省 全市 全区 全县 国内 国外 海外 本市 本省 当地 各地 基层 农村 城乡 边疆 内地 沿海 京城 首都 省会 家乡 故乡 祖国 本报
  新华 东方 西方 南方 北方 中部 西部 东部 南部 北部 中原 新春 新年 春节 红军 将军 高新 高新力量 市委 省委 县委 区委 党委 人大 政协
  长城 龙 凤 天下 江山 国际 亚太 欧美 日月 大陆 两岸 岛内 境内 境外 海内外 上海滩 先进 方正 光明 和平 胜利 团结 友谊 幸福 希望
  前进 红旗 东风 黎明 曙光 长征 复兴 振兴 繁荣 富强 安康 吉祥 太平 永安 永和 平安 长安 新华 华夏 炎黄 华人 华侨 侨胞
`);
