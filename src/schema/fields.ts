/**
 * The canonical work-order fields and the header names that map to them (DESIGN.md §5).
 * Exports from different 95598 systems and provinces name the same column differently:
 * Chinese labels, pinyin initials (gdbh = 工单编号) or the system's column codes.
 */
export const FIELDS = [
  'id',
  'acceptedAt',
  'unit',
  'businessType',
  'content',
  'level1',
  'level2',
  'level3',
  'customerId',
  'phone',
  'substantiated',
  'appealResult',
  'closedAt',
  'repliedAt',
  'satisfaction',
  'department',
  'city',
  'escalated',
  'severity',
  'channel',
  'urbanRural',
  'customerType',
  'station',
  'address',
] as const;

export type Field = (typeof FIELDS)[number];

export interface FieldSpec {
  /** The name analysts know the column by; used in messages. */
  zh: string;
  required: boolean;
  aliases: readonly string[];
}

export const FIELD_SPECS: Record<Field, FieldSpec> = {
  id: {
    zh: '工单编号',
    required: false, // wanted, not required: without it rows are not de-duplicated
    aliases: [
      '工单编号',
      '国网工单编号',
      '工单号',
      '申请编号',
      '业务编号',
      'gdbh',
      'ID',
      'APP_NO',
      'order_id',
    ],
  },
  acceptedAt: {
    zh: '受理时间',
    required: true,
    aliases: [
      '受理时间',
      '受理日期',
      '登记时间',
      '创建时间',
      'slsj',
      'HANDLE_TIME',
      'ACCEPT_TIME',
      'accepted_at',
    ],
  },
  unit: {
    zh: '供电单位',
    required: true,
    aliases: [
      '供电单位',
      '工单单位',
      '所属单位',
      '责任单位',
      '管理单位',
      '供电公司',
      'gddw',
      'ORG_NAME',
      'ORG_NO',
      'unit',
    ],
  },
  businessType: {
    zh: '业务类型',
    required: false,
    aliases: [
      '业务类型',
      '业务类别',
      '工单类型',
      '诉求类型',
      'ywlx',
      'BUSI_TYPE',
      'BUSI_TYPE_CODE',
      'business_type',
    ],
  },
  content: {
    zh: '受理内容',
    required: false,
    aliases: ['受理内容', '投诉内容', '诉求内容', '问题描述', 'slnr', 'ACCEPT_CONTENT', 'content'],
  },
  level1: {
    zh: '一级分类',
    required: false,
    aliases: ['一级分类', '投诉一级分类', '业务大类', 'yjfl', 'level1'],
  },
  level2: {
    zh: '二级分类',
    required: false,
    aliases: ['二级分类', '投诉二级分类', '业务小类', 'ejfl', 'level2'],
  },
  level3: {
    zh: '三级分类',
    required: false,
    aliases: ['三级分类', '投诉三级分类', '业务子类', 'sjfl', 'level3'],
  },
  customerId: {
    zh: '客户编号',
    required: false,
    aliases: ['客户编号', '户号', '用户编号', 'CUST_NO', 'customer_id', 'khbh'],
  },
  phone: {
    zh: '联系电话',
    required: false,
    aliases: ['联系电话', '来电号码', '主叫号码', 'CALLING_NO', 'phone', 'lxdh'],
  },
  substantiated: {
    zh: '是否属实',
    required: false,
    aliases: ['是否属实', '核实结果', 'substantiated'],
  },
  appealResult: {
    zh: '申诉结果',
    required: false,
    aliases: ['申诉结果', '申诉状态', '是否申诉成功', 'appeal_result'],
  },
  closedAt: {
    zh: '办结时间',
    required: false,
    aliases: ['办结时间', '归档时间', '完成时间', 'closed_at'],
  },
  repliedAt: {
    zh: '回复时间',
    required: false,
    aliases: ['回复时间', '答复时间', '回复客户时间', 'replied_at'],
  },
  satisfaction: {
    zh: '回访满意度',
    required: false,
    aliases: ['回访满意度', '满意度', '回访结果', 'satisfaction'],
  },
  department: {
    zh: '处理部门',
    required: false,
    aliases: ['处理部门', '承办部门', 'department'],
  },
  city: {
    zh: '所属地市',
    required: false,
    aliases: ['所属地市', '地市', '地市公司', 'CITY_ORG_NO', 'city'],
  },
  escalated: {
    zh: '是否越级',
    required: false,
    aliases: ['是否越级', '越级', 'escalated'],
  },
  severity: {
    zh: '投诉等级',
    required: false,
    aliases: ['投诉等级', '紧急程度', 'severity'],
  },
  channel: {
    zh: '受理渠道',
    required: false,
    aliases: ['受理渠道', '来源渠道', '渠道', 'ACCEPT_MODE', 'channel'],
  },
  urbanRural: {
    zh: '城乡类别',
    required: false,
    aliases: ['城乡类别', '城乡标志', '城乡类型', 'URBAN_RURAL_FLAG', 'urban_rural'],
  },
  customerType: {
    zh: '用电类别',
    required: false,
    aliases: ['用电类别', '客户类别', '客户类型', 'ELEC_TYPE', 'customer_type'],
  },
  station: {
    zh: '供电所',
    required: false,
    aliases: ['供电所', '所属供电所', '供电所名称', 'station'],
  },
  // Where the complaint is about: the early warning finds events (many complaints about one
  // place within hours) by the place words here and in the text.
  address: {
    zh: '用电地址',
    required: false,
    aliases: [
      '用电地址',
      '客户地址',
      '联系地址',
      '地址',
      '故障地址',
      '台区名称',
      'ELEC_ADDR',
      'address',
    ],
  },
};

/**
 * Header comparison key: NFKC folds full-width letters and brackets to half-width, case and
 * all white space are ignored ("受理 时间", "ACCEPT_TIME " and "accept_time" are one header).
 */
export function headerKey(header: string): string {
  return header.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

const ALIAS_TO_FIELD: ReadonlyMap<string, Field> = new Map(
  FIELDS.flatMap((field) => FIELD_SPECS[field].aliases.map((a) => [headerKey(a), field] as const)),
);

export function fieldForHeader(header: string): Field | undefined {
  return ALIAS_TO_FIELD.get(headerKey(header));
}

export function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name);
}

/**
 * The columns of the targets file (--targets), which `--map` names too: `--map target=2016年指标`
 * when its header is one the targets reader does not know. `targetUnit` is its unit column, named
 * apart from the exports' `unit` so that mapping one leaves the other as found.
 */
export const TARGET_FIELDS = ['targetUnit', 'target', 'customers'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** Every name `--map` takes: the exports' fields, then the targets file's. */
export const MAP_FIELDS: readonly (Field | TargetField)[] = [...FIELDS, ...TARGET_FIELDS];

export function isMapField(name: string): name is Field | TargetField {
  return (MAP_FIELDS as readonly string[]).includes(name);
}
