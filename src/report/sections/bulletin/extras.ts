/**
 * 重复投诉 and 时效与满意度: each only when the export has the columns (the analysis gives null
 * otherwise). A bulletin goes to management: repeat complainants are counted and their units
 * named, never their customer numbers or telephone numbers.
 */
import type { IngestResult } from '../../../ingest/types.js';
import type { Analysis, DurationStats, RepeatList } from '../../../metrics/types.js';
import type { Lang } from '../../../settings/types.js';
import type { Paragraph } from '../../types.js';
import { fileNames } from '../heading.js';
import { count, hours, name, rate, runs, type Piece } from './figures.js';
import { list } from './units.js';

/** How many of the most frequent repeat complainants the sentence describes. */
const NAMED_REPEATS = 3;

function repeatParagraph(r: RepeatList, by: 'byCustomer' | 'byPhone', lang: Lang): Paragraph {
  const zh = lang === 'zh';
  const p = `repeatComplainants.${by}`;
  const basis =
    by === 'byCustomer'
      ? zh
        ? '按客户编号'
        : 'By customer number'
      : zh
        ? '按联系电话'
        : 'By telephone number';
  const phone = by === 'byPhone';
  // By telephone, what is not found is a number twice: the customer-number sentence before it
  // may have just named a customer who complained twice, from two numbers.
  if (r.complainants === 0)
    return {
      runs: runs(
        zh
          ? [basis, `统计，本期未发现同一${phone ? '联系电话' : '客户'}投诉两次及以上。`]
          : [
              basis,
              `, no ${phone ? 'number' : 'customer'} complained twice or more in the period.`,
            ],
      ),
    };
  const who = count(r.complainants, `${p}.complainants`);
  const made = count(r.complaints, `${p}.complaints`);
  const share = r.share === null ? null : rate(r.share, `${p}.share`);
  // The most frequent first, by their units: never the customer number or telephone itself.
  const top = r.top.slice(0, NAMED_REPEATS).map((t) => {
    const n = count(t.complaints, `${p}.top[${t.key}].complaints`);
    const units = list(t.units, lang);
    return zh
      ? [units, phone ? '一个电话投诉' : '一位客户投诉', n, '次']
      : phone
        ? [n, ' complaints from one telephone number at ', units]
        : ['one customer at ', units, ' complained ', n, ' times'];
  });
  const most =
    top.length > 0 &&
    (zh
      ? ['；其中', top.flatMap((t, i) => (i === 0 ? [t] : ['，', t]))]
      : ['; among them ', list(top, lang)]);
  return {
    runs: runs(
      zh
        ? [
            basis,
            '统计，本期有',
            who,
            phone ? '个联系电话' : '位客户',
            '投诉两次及以上，共',
            made,
            '件',
            share ? ['，占投诉总数的', share] : '',
          ]
        : [
            basis,
            ', ',
            who,
            phone
              ? r.complainants === 1
                ? ' number'
                : ' numbers'
              : r.complainants === 1
                ? ' customer'
                : ' customers',
            ' complained twice or more, ',
            made,
            ' complaints in all',
            share ? [' (', share, ' of all)'] : '',
          ],
      most,
      zh ? '。' : '.',
    ),
  };
}

/** The inputs with complaints in the period, by file name, and the complainant columns each has. */
function periodInputs(a: Analysis, ingest: IngestResult) {
  const names = fileNames(ingest.inputs.map((i) => i.file));
  // An input whose work orders all fall outside the period (a year-earlier export read for 同比)
  // gives the period no complaints: it is neither counted nor left out.
  // Days as YYYY-MM-DD compare as strings.
  return ingest.inputs.flatMap((input, i) =>
    input.dateRange !== null &&
    input.dateRange.from.slice(0, 10) <= a.period.to &&
    input.dateRange.to.slice(0, 10) >= a.period.from
      ? [
          {
            file: name(names.get(input.file)!, `inputs.${i}.file`),
            customer: input.columns.some((c) => c.field === 'customerId'),
            phone: input.columns.some((c) => c.field === 'phone'),
          },
        ]
      : [],
  );
}
type PeriodInput = ReturnType<typeof periodInputs>[number];

const fileList = (files: Piece[], lang: Lang): Piece =>
  lang === 'zh' ? files.flatMap((f, i) => (i === 0 ? [f] : ['、', f])) : list(files, lang);

/**
 * When some inputs have no 客户编号 or 联系电话 column, whose complaints the counts cover: the
 * others', named (by file name, as the sources line names them), and those left out. Without it,
 * "未发现…" read as of every complaint, beside 需关注事项's "未能判断部分输入的重复投诉".
 */
function coverageParagraph(inputs: readonly PeriodInput[], lang: Lang): Paragraph | null {
  const counted = inputs.filter((i) => i.customer || i.phone).map((i) => i.file);
  const left = inputs.filter((i) => !i.customer && !i.phone).map((i) => i.file);
  if (counted.length === 0 || left.length === 0) return null;
  const zh = lang === 'zh';
  const one = left.length === 1;
  return {
    runs: runs(
      zh
        ? [
            '以上只统计了有客户编号或联系电话列的输入（',
            fileList(counted, lang),
            '）；',
            fileList(left, lang),
            ' 没有这两列，其投诉未判断是否重复。',
          ]
        : [
            'Only the inputs with a 客户编号 or 联系电话 column were counted (',
            fileList(counted, lang),
            '); ',
            fileList(left, lang),
            one ? ' has neither, and its' : ' have neither, and their',
            ' complaints were not checked for repeats.',
          ],
    ),
  };
}

/**
 * What could not be checked where an input has one of the two columns and not the other: its
 * complaints are checked by the one it has, and the count by the other leaves them out. Said
 * for every input or by name, so that "未发现" by one column is not read as of both.
 */
function basisParagraph(
  inputs: readonly PeriodInput[],
  missing: 'customer' | 'phone',
  lang: Lang,
): Paragraph | null {
  const other = missing === 'customer' ? 'phone' : 'customer';
  const lacking = inputs.filter((i) => !i[missing] && i[other]).map((i) => i.file);
  if (lacking.length === 0) return null;
  const all = lacking.length === inputs.filter((i) => i.customer || i.phone).length;
  const byCustomer = missing === 'phone';
  if (lang === 'zh') {
    const column = byCustomer ? '联系电话' : '客户编号';
    const checkedBy = byCustomer ? '客户编号' : '联系电话';
    const unseen = byCustomer
      ? '同一电话以不同户号投诉的情况未能发现'
      : '同一客户用不同电话投诉的情况未能发现';
    return {
      runs: runs(
        all
          ? `导出没有${column}列，重复投诉只按${checkedBy}核对，${unseen}。`
          : [
              fileList(lacking, lang),
              ` 没有${column}列，其投诉只按${checkedBy}核对，按${column}统计的不含这些投诉。`,
            ],
      ),
    };
  }
  const column = byCustomer ? '联系电话 (telephone number)' : '客户编号 (customer number)';
  const checkedBy = byCustomer ? 'customer number' : 'telephone number';
  const unseen = byCustomer
    ? 'one telephone number complaining for several customers is not found'
    : 'a customer who called from two numbers is not found';
  const counted = byCustomer ? 'telephone number' : 'customer number';
  return {
    runs: runs(
      all
        ? `The export has no ${column} column: repeats were checked by ${checkedBy} only, so ${unseen}.`
        : [
            fileList(lacking, lang),
            lacking.length === 1 ? ' has' : ' have',
            ` no ${column} column: ${lacking.length === 1 ? 'its' : 'their'} complaints were checked by ${checkedBy} only, and the count by ${counted} leaves them out.`,
          ],
    ),
  };
}

export function repeatSection(a: Analysis, ingest: IngestResult, lang: Lang) {
  const r = a.repeatComplainants;
  if (!r) return null;
  const inputs = periodInputs(a, ingest);
  const basis = [basisParagraph(inputs, 'customer', lang), basisParagraph(inputs, 'phone', lang)];
  const paragraphs: Paragraph[] = [];
  if (r.byCustomer) paragraphs.push(repeatParagraph(r.byCustomer, 'byCustomer', lang));
  // The telephone count adds something only where it differs from the customer count, or where
  // the two counted different inputs' complaints (an input with one of the two columns).
  if (
    r.byPhone &&
    (!r.byCustomer ||
      basis.some((p) => p !== null) ||
      r.byPhone.complainants !== r.byCustomer.complainants ||
      r.byPhone.complaints !== r.byCustomer.complaints)
  )
    paragraphs.push(repeatParagraph(r.byPhone, 'byPhone', lang));
  for (const p of [...basis, coverageParagraph(inputs, lang)]) if (p) paragraphs.push(p);
  return { paragraphs, tables: [], charts: [] };
}

/** The limit as the bulletin says it: "24小时", "4个工作日", "24 hours", "4 working days". */
function limitPieces(s: DurationStats, p: string, zh: boolean) {
  if (s.limitHours !== null)
    return [count(s.limitHours, `${p}.limitHours`), zh ? '小时' : ' hours'];
  const days = s.limit.value;
  return [
    count(days, `${p}.limit.value`),
    zh ? '个工作日' : days === 1 ? ' working day' : ' working days',
  ];
}

/** "回复平均用时16.9小时（中位15.7小时），超过24小时的3件，占20%"; or "超过4个工作日的…" */
function stagePieces(s: DurationStats, stage: 'reply' | 'close', lang: Lang) {
  if (s.count === 0 || s.meanHours === null || s.medianHours === null) return null;
  const counted = count(s.count, `timeliness.${stage}.count`);
  const zh = lang === 'zh';
  const p = `timeliness.${stage}`;
  const mean = hours(s.meanHours, `${p}.meanHours`);
  const median = hours(s.medianHours, `${p}.medianHours`);
  const limit = limitPieces(s, p, zh);
  const over = count(s.overLimit, `${p}.overLimit`);
  const share = s.overLimitShare === null ? null : rate(s.overLimitShare, `${p}.overLimitShare`);
  const name = stage === 'reply' ? (zh ? '回复' : 'Replies') : zh ? '办结' : 'Closing';
  if (!zh)
    return [
      name,
      ' took ',
      mean,
      ' hours on average (median ',
      median,
      '); ',
      s.overLimit === 0
        ? ['none of the ', counted, ' timed took over ', limit]
        : [
            'of the ',
            counted,
            ' timed, ',
            over,
            ' took over ',
            limit,
            share ? [' (', share, ')'] : '',
          ],
    ];
  return [
    name,
    '平均用时',
    mean,
    '小时（中位',
    median,
    '小时），',
    s.overLimit === 0
      ? ['有时间记录的', counted, '件均在', limit, '内']
      : [
          '有时间记录的',
          counted,
          '件中超过',
          limit,
          '的',
          over,
          '件',
          share ? ['，占', share] : '',
        ],
  ];
}

/**
 * Reply and closing times earlier than the acceptance time are left out of the figures; the
 * terminal and the workbook say how many, and so must the bulletin, or its figures read as of
 * every complaint: "另有2件回复时间、1件办结时间早于受理时间，未计入，请核对数据。"
 */
function beforeAcceptancePieces(
  reply: DurationStats | null | undefined,
  close: DurationStats | null | undefined,
  lang: Lang,
): Piece[] | null {
  const zh = lang === 'zh';
  const stages = [
    reply && reply.beforeAcceptance > 0 ? { stage: 'reply', n: reply.beforeAcceptance } : null,
    close && close.beforeAcceptance > 0 ? { stage: 'close', n: close.beforeAcceptance } : null,
  ].filter((x) => x !== null);
  if (stages.length === 0) return null;
  const pieces = stages.map(({ stage, n }) => {
    const figure = count(n, `timeliness.${stage}.beforeAcceptance`);
    if (zh) return [figure, stage === 'reply' ? '件回复时间' : '件办结时间'];
    const what = stage === 'reply' ? ' reply time' : ' closing time';
    return [figure, what, n === 1 ? '' : 's'];
  });
  if (zh)
    return [
      '另有',
      pieces.flatMap((p, i) => (i === 0 ? p : ['、', ...p])),
      '早于受理时间，未计入，请核对数据。',
    ];
  const plural = stages.length > 1 || stages[0]!.n > 1;
  return [
    'Another ',
    pieces.flatMap((p, i) => (i === 0 ? p : [' and ', ...p])),
    plural ? ' were' : ' was',
    ' earlier than the acceptance time and not counted: check the data.',
  ];
}

export function timelinessSection(a: Analysis, lang: Lang) {
  const zh = lang === 'zh';
  const paragraphs: Paragraph[] = [];
  const t = a.timeliness;
  const stages = t
    ? [
        t.reply && stagePieces(t.reply, 'reply', lang),
        t.close && stagePieces(t.close, 'close', lang),
      ].filter((x) => !!x)
    : [];
  const before = t ? beforeAcceptancePieces(t.reply, t.close, lang) : null;
  if (stages.length > 0 || before)
    paragraphs.push({
      runs: runs(
        stages.flatMap((s, i) => (i === 0 ? [s] : [zh ? '；' : '. ', s])),
        stages.length > 0 ? (zh ? '。' : '.') : '',
        before && stages.length > 0 && !zh ? ' ' : '',
        before,
      ),
    });
  const s = a.satisfaction;
  if (s && s.satisfiedShare !== null) {
    const share = rate(s.satisfiedShare, 'satisfaction.satisfiedShare');
    const satisfied = count(s.satisfied, 'satisfaction.satisfied');
    const dissatisfied = count(s.dissatisfied, 'satisfaction.dissatisfied');
    const neutral = count(s.neutral, 'satisfaction.neutral');
    paragraphs.push({
      runs: runs(
        zh
          ? [
              '回访满意率',
              share,
              '（满意',
              satisfied,
              '件，一般',
              neutral,
              '件，不满意',
              dissatisfied,
              '件）。',
            ]
          : [
              'Satisfaction on follow-up calls was ',
              share,
              ' (',
              satisfied,
              ' satisfied, ',
              neutral,
              ' neutral, ',
              dissatisfied,
              ' dissatisfied).',
            ],
      ),
    });
  }
  return paragraphs.length > 0 ? { paragraphs, tables: [], charts: [] } : null;
}
