/** A targets file given as an export is recognised by its header (issue 12). */
import { describe, expect, it } from 'vitest';
import { targetsHeader } from '../../src/ingest/targets-sniff.js';

describe('targetsHeader', () => {
  it.each<[string[], boolean]>([
    [['供电单位', '年度指标', '户数'], true],
    [['单位名称', '2016年指标'], true],
    [['单位', '指标值'], true],
    [['unit', 'target', 'customers'], true],
    [['序号', '供电单位', '投诉指标', '备注'], true],
    // An export: it has an acceptance time.
    [['工单编号', '受理时间', '供电单位', '考核指标'], false],
    [['工单编号', '供电单位', '业务类型'], false],
    [['年度指标'], false],
    // A row of our own report's 概览: one heading names both, no targets header.
    [['超指标单位数', '-'], false],
    [[], false],
  ])('%j → %s', (cells, expected) => {
    expect(targetsHeader(cells) !== null).toBe(expected);
  });
});
