/** Countries, continents and world regions by their usual Chinese names (general knowledge). */
export const WORLD_PLACES = new Set(
  `中国 中华人民共和国 美国 美利坚合众国 英国 法国 德国 日本 俄罗斯 俄国 苏联 意大利 西班牙 葡萄牙 荷兰 比利时 卢森堡 瑞士 奥地利 瑞典
  挪威 丹麦 芬兰 冰岛 爱尔兰 希腊 土耳其 波兰 捷克 斯洛伐克 匈牙利 罗马尼亚 保加利亚 塞尔维亚 克罗地亚 斯洛文尼亚 波黑 黑山 马其顿
  阿尔巴尼亚 乌克兰 白俄罗斯 摩尔多瓦 立陶宛 拉脱维亚 爱沙尼亚 格鲁吉亚 亚美尼亚 阿塞拜疆 哈萨克斯坦 乌兹别克斯坦 吉尔吉斯斯坦
  塔吉克斯坦 土库曼斯坦 蒙古 朝鲜 韩国 越南 老挝 柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚 印尼 菲律宾 文莱 东帝汶 印度 巴基斯坦
  孟加拉国 孟加拉 斯里兰卡 尼泊尔 不丹 马尔代夫 阿富汗 伊朗 伊拉克 叙利亚 约旦 黎巴嫩 以色列 巴勒斯坦 沙特阿拉伯 沙特 也门 阿曼
  阿联酋 卡塔尔 巴林 科威特 埃及 利比亚 突尼斯 阿尔及利亚 摩洛哥 苏丹 埃塞俄比亚 索马里 肯尼亚 坦桑尼亚 乌干达 卢旺达 布隆迪
  刚果 扎伊尔 安哥拉 赞比亚 津巴布韦 莫桑比克 马拉维 纳米比亚 博茨瓦纳 南非 莱索托 斯威士兰 马达加斯加 毛里求斯 尼日利亚 加纳
  科特迪瓦 塞内加尔 马里 尼日尔 乍得 喀麦隆 加蓬 几内亚 利比里亚 塞拉利昂 贝宁 多哥 布基纳法索 毛里塔尼亚 冈比亚 佛得角 厄立特里亚
  吉布提 加拿大 墨西哥 古巴 牙买加 海地 多米尼加 危地马拉 洪都拉斯 萨尔瓦多 尼加拉瓜 哥斯达黎加 巴拿马 哥伦比亚 委内瑞拉 厄瓜多尔
  秘鲁 玻利维亚 巴西 智利 阿根廷 乌拉圭 巴拉圭 圭亚那 苏里南 澳大利亚 新西兰 巴布亚新几内亚 斐济 汤加 萨摩亚 梵蒂冈 摩纳哥 马耳他
  塞浦路斯 南斯拉夫 亚洲 欧洲 非洲 美洲 北美洲 南美洲 拉丁美洲 拉美 大洋洲 南极洲 北极 南极 中东 近东 远东 东亚 东南亚 南亚 西亚
  中亚 北非 东欧 西欧 南欧 北欧 中欧 亚太 太平洋 大西洋 印度洋 北冰洋 地中海 波斯湾 海湾 台湾 香港 澳门 中华 华北 华东 华南 华中
  西北 东北 西南 江南 岭南 中原 塞北 两广 港澳 港澳台 长江 黄河 珠江 淮河 海河 辽河 松花江 雅鲁藏布江 澜沧江 黑龙江 喜马拉雅山
  泰山 黄山 华山 峨眉山 庐山 昆仑山 天山 秦岭 太行山 长白山 珠穆朗玛峰 青藏高原 黄土高原 华北平原 东北平原 长江三角洲 珠江三角洲
  渤海 黄海 东海 南海 台湾海峡 洞庭湖 鄱阳湖 太湖 西湖 青海湖 三峡 纽约 华盛顿 洛杉矶 旧金山 芝加哥 伦敦 巴黎 柏林 罗马 莫斯科
  东京 大阪 首尔 汉城 平壤 曼谷 河内 新德里 伊斯兰堡 开罗 耶路撒冷 日内瓦 维也纳 布鲁塞尔 阿姆斯特丹 马德里 里斯本 雅典 悉尼
  墨尔本 多伦多 温哥华 渥太华 波恩 法兰克福 慕尼黑 汉堡 斯德哥尔摩 赫尔辛基 哥本哈根 奥斯陆 华沙 布拉格 布达佩斯 贝尔格莱德
  伊斯坦布尔 安卡拉 德黑兰 巴格达 大马士革 贝鲁特 利雅得 科威特城 雅加达 马尼拉 吉隆坡 金边 万象 仰光 加德满都 达卡 科伦坡
  喀布尔 内罗毕 约翰内斯堡 开普敦 拉各斯 里约热内卢 圣保罗 布宜诺斯艾利斯 利马 圣地亚哥 墨西哥城 哈瓦那 堪培拉 惠灵顿`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * One-character country abbreviations used in pairs (中美关系, 中日, 美英): news writes each as a
 * place of its own.
 */
export const COUNTRY_ABBREVIATIONS = new Set('中美日俄英法德韩朝越印巴意加澳欧亚非苏蒙泰新菲缅老柬埃以伊叙约沙墨古秘智阿荷比瑞挪丹芬希土波捷匈罗保乌哈'.split(''));

/** One-character province abbreviations (京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云陕甘青宁新藏蒙港澳台). */
export const PROVINCE_ABBREVIATIONS = new Set('京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川黔滇陕甘青宁新藏蒙港澳台'.split(''));

/**
 * What a one-character abbreviation stands for, by character: countries (中美关系), provinces (来京,
 * 豫), 华 for China. Several candidates where usage differs (苏: 苏联 or 江苏; 巴: 巴西 or 巴基斯坦).
 */
const ABBREVIATED: Record<string, string[]> = {
  中: ['中国'], 华: ['中国'], 美: ['美国'], 日: ['日本'], 俄: ['俄罗斯'], 英: ['英国'], 法: ['法国'], 德: ['德国'],
  韩: ['韩国'], 朝: ['朝鲜'], 越: ['越南'], 印: ['印度', '印度尼西亚'], 意: ['意大利'], 加: ['加拿大'], 欧: ['欧洲'],
  亚: ['亚洲'], 非: ['非洲'], 泰: ['泰国'], 菲: ['菲律宾'], 缅: ['缅甸'], 老: ['老挝'], 柬: ['柬埔寨'], 埃: ['埃及'],
  以: ['以色列'], 叙: ['叙利亚'], 约: ['约旦'], 沙: ['沙特阿拉伯'], 墨: ['墨西哥'], 古: ['古巴'], 秘: ['秘鲁'],
  智: ['智利'], 荷: ['荷兰'], 比: ['比利时'], 挪: ['挪威'], 丹: ['丹麦'], 芬: ['芬兰'], 希: ['希腊'], 土: ['土耳其'],
  波: ['波兰'], 捷: ['捷克'], 匈: ['匈牙利'], 罗: ['罗马尼亚'], 保: ['保加利亚'], 哈: ['哈萨克斯坦'],
  巴: ['巴西', '巴基斯坦'], 阿: ['阿根廷', '阿富汗', '阿尔及利亚', '阿联酋'], 伊: ['伊朗', '伊拉克'],
  乌: ['乌克兰', '乌兹别克斯坦'], 瑞: ['瑞士', '瑞典'], 新: ['新加坡', '新西兰', '新疆维吾尔自治区'],
  苏: ['苏联', '江苏省'], 蒙: ['蒙古', '内蒙古自治区'], 澳: ['澳大利亚', '澳门'],
  京: ['北京市'], 津: ['天津市'], 沪: ['上海市'], 渝: ['重庆市'], 冀: ['河北省'], 晋: ['山西省'], 辽: ['辽宁省'],
  吉: ['吉林省'], 黑: ['黑龙江省'], 浙: ['浙江省'], 皖: ['安徽省'], 闽: ['福建省'], 赣: ['江西省'], 鲁: ['山东省'],
  豫: ['河南省'], 鄂: ['湖北省'], 湘: ['湖南省'], 粤: ['广东省'], 桂: ['广西壮族自治区'], 琼: ['海南省'], 川: ['四川省'],
  黔: ['贵州省'], 滇: ['云南省'], 陕: ['陕西省'], 甘: ['甘肃省'], 青: ['青海省'], 宁: ['宁夏回族自治区'],
  藏: ['西藏自治区'], 港: ['香港'], 台: ['台湾'], 葡: ['葡萄牙'],
};

/**
 * The full name of a one-character place abbreviation: the one candidate, or among several the one
 * the article names (巴 in an article naming 巴西); undefined when the article does not settle it.
 * A candidate counts as named by its name without the level word (江苏 for 江苏省).
 */
export function expandAbbreviation(initial: string, text: string): string | undefined {
  if (!isPlaceAbbreviation(initial)) return undefined;
  const candidates = ABBREVIATED[initial]!;
  if (candidates.length === 1) return candidates[0];
  const named = candidates.filter((c) => text.includes(c.replace(/(省|市|维吾尔自治区|自治区)$/, '')));
  return named.length === 1 ? named[0] : undefined;
}

/** Is this character a standing abbreviation (美, 京, 苏), as opposed to a city's initial (郑 of 来郑)? */
export function isPlaceAbbreviation(initial: string): boolean {
  return Object.hasOwn(ABBREVIATED, initial);
}
