/**
 * Reply and closing times before the acceptance time are left out of the durations; the
 * terminal says how many beside the figures (the JSON always counted them as beforeAcceptance,
 * the terminal did not). A reply dated 1900-01-01, a database's empty date, is one of them: it
 * was taken for a blank because the 116 years did not fit the records' 32-bit seconds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-before-acceptance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csv = join(dir, 'times.csv');
writeFileSync(
  csv,
  [
    '工单编号,受理时间,供电单位,业务类型,受理内容,回复时间,办结时间',
    // replied an hour before it was accepted
    'A1,2016-05-03 10:00:00,城区供电所,投诉,停电时间过长,2016-05-03 09:00:00,2016-05-04 10:00:00',
    // replied after two hours: the one reply in the figures
    'A2,2016-05-04 10:00:00,城区供电所,投诉,抄表员态度差,2016-05-04 12:00:00,2016-05-05 10:00:00',
    // the empty date of a database
    'A3,2016-05-05 10:00:00,城区供电所,投诉,电压低,1900-01-01 00:00:00,2016-05-06 10:00:00',
  ].join('\n') + '\n',
);

describe('times before the acceptance time', () => {
  it('are counted in the JSON, 1900-01-01 among them', () => {
    const run = complaints(['analyze', csv, '--json']);
    expect(run.code).toBe(0);
    const reply = JSON.parse(run.stdout).timeliness.reply;
    expect([reply.count, reply.beforeAcceptance, reply.meanHours]).toEqual([1, 2, 2]);
  });

  it('are said beside the figures in the terminal, zh and en', () => {
    const zh = complaints(['analyze', csv]).stdout.split('\n');
    expect(zh).toContain(
      '回复（有时间记录 1 条；另有 2 条早于受理时间，未计入，请核对）：平均 2.0 小时，中位 2.0 小时，超 24 小时 0 (0%)',
    );
    expect(zh).toContain(
      '办结（有时间记录 3 条）：平均 24.0 小时，中位 24.0 小时，超 144 小时 0 (0%)',
    );
    const en = complaints(['analyze', csv, '--lang', 'en']).stdout.split('\n');
    expect(en).toContain(
      'reply (1 with a time; 2 more before the acceptance time, left out: check them): mean 2.0 h, median 2.0 h, over 24 h 0 (0%)',
    );
  });

  it('are said in the bulletin after its timeliness figures, zh and en', () => {
    // The bulletin (report --out .md, the same model as the .docx) said nothing of them.
    const zh = join(dir, 'bulletin.md');
    expect(complaints(['report', csv, '--out', zh, '--quiet']).code).toBe(0);
    expect(readFileSync(zh, 'utf8').split('\n')).toContain(
      '回复平均用时2.0小时（中位2.0小时），有时间记录的1件均在24小时内；办结平均用时24.0小时（中位24.0小时），有时间记录的3件均在144小时内。另有2件回复时间早于受理时间，未计入，请核对数据。',
    );
    const en = join(dir, 'bulletin-en.md');
    expect(complaints(['report', csv, '--out', en, '--quiet', '--lang', 'en']).code).toBe(0);
    expect(readFileSync(en, 'utf8')).toContain(
      'none of the 3 timed took over 144 hours. Another 2 reply times were earlier than the acceptance time and not counted: check the data.',
    );
  });

  it('in the bulletin, both stages when both have some; nothing when none', () => {
    // A1's closing too is before its acceptance: 1 closing time, 2 reply times.
    const both = join(dir, 'both.csv');
    writeFileSync(
      both,
      readFileSync(csv, 'utf8').replace(
        '2016-05-03 09:00:00,2016-05-04 10:00:00',
        '2016-05-03 09:00:00,2016-05-02 10:00:00',
      ),
    );
    const zh = join(dir, 'both.md');
    expect(complaints(['report', both, '--out', zh, '--quiet']).code).toBe(0);
    expect(readFileSync(zh, 'utf8')).toContain(
      '有时间记录的2件均在144小时内。另有2件回复时间、1件办结时间早于受理时间，未计入，请核对数据。',
    );
    const en = join(dir, 'both-en.md');
    expect(complaints(['report', both, '--out', en, '--quiet', '--lang', 'en']).code).toBe(0);
    expect(readFileSync(en, 'utf8')).toContain(
      'Another 2 reply times and 1 closing time were earlier than the acceptance time and not counted: check the data.',
    );
    const none = join(dir, 'none.csv');
    writeFileSync(
      none,
      readFileSync(csv, 'utf8')
        .split('\n')
        .filter((l) => !/^A[13]/.test(l))
        .join('\n'),
    );
    const plain = join(dir, 'none.md');
    expect(complaints(['report', none, '--out', plain, '--quiet']).code).toBe(0);
    expect(readFileSync(plain, 'utf8')).not.toContain('早于受理时间');
  });
});
