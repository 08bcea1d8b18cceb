/**
 * Where a complaint text names its customer, as agents write it: after a label (户名：张三,
 * 联系人:李四) or between the customer and what the customer did (客户王建国来电). The daily
 * bulletin masks these names but the surname (ingest/day-complaints.ts); the hot words leave
 * them out (text/clauses.ts, text/segmenter.ts): a customer who complained in many work orders
 * made a given name a hot word of the bulletin (联系人：李春花 → 春花).
 */

/** The labels that say a name follows (with a colon: 户名：张三). */
export const NAME_LABELS = [
  '户名',
  '姓名',
  '联系人',
  '户主',
  '客户名称',
  '用户名称',
  '报修人',
  '来电人',
  // The same in traditional characters: clauses are cut before 繁→简, so 聯繫人：李春花 would
  // otherwise give 春花 as a hot word.
  '戶名',
  '聯繫人',
  '聯系人',
  '戶主',
  '客戶名稱',
  '用戶名稱',
  '報修人',
  '來電人',
] as const;

/** A name after a label that says it is one: 户名：张三, 联系人:李四 (2 or 3 Han characters). */
export const LABELLED_NAME = new RegExp(
  `(?<=(?:${NAME_LABELS.join('|')})[:：]\\s*)\\p{sc=Han}{2,3}`,
  'gu',
);

/** Common surnames (the hundred most frequent): an unlabelled name must start with one. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤';

/**
 * Between the customer and what the customer did (客户王建国来电): the surname and one or two
 * characters. The lookbehind and lookahead keep words such as 客户周末来电 apart (NOT_A_NAME).
 */
export const CUSTOMER_NAME = new RegExp(
  `(?<=(?:客户|用户|业主|户主|居民|村民))[${SURNAMES}]\\p{sc=Han}{1,2}?(?=来电|致电|反映|称|表示|投诉|报修|要求)`,
  'gu',
);

/** Already anonymous (王先生, 李某) or not a name at all (周末, 高压 …): left as written. */
const NOT_A_NAME =
  /^.(?:先生|女士|小姐|师傅|老师|阿姨|大爷|大妈|某|某某|总|工)$|^周[末日一二三四五六]|^(?:高压|高温|高峰|金额|余额|方面|万元|黄昏|夏天|夏季|白天|常常|马上|江边|石头|龙头|史上)/u;

/** Whether what CUSTOMER_NAME or LABELLED_NAME found is a customer's name. */
export function isName(found: string): boolean {
  return !NOT_A_NAME.test(found);
}
