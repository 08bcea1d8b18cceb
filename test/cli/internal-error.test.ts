/**
 * cli.ts's own lines, in the run's language as every error: an unexpected error (exit 1) and a
 * standard output that cannot be written (exit 2; the real /dev/full: test/cli/outputs.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { internalError, stdoutFailure } from '../../src/cli.js';

describe("cli.ts's own lines", () => {
  it('an internal error: its message as thrown, and what to do, in both languages', () => {
    expect(
      internalError(new TypeError("Cannot read properties of undefined (reading 'x')")),
    ).toEqual({
      message: {
        zh: "内部错误：Cannot read properties of undefined (reading 'x')",
        en: "internal error: Cannot read properties of undefined (reading 'x')",
      },
      hint: {
        zh: '请设置 DEBUG=complaints 再运行一次查看详情，并报告这个问题。',
        en: 'Run again with DEBUG=complaints for details, and report it.',
      },
    });
    expect(internalError('thrown text').message.zh).toBe('内部错误：thrown text');
  });

  it.each([
    [
      'ENOSPC',
      'ENOSPC: no space left on device, write',
      '无法写入标准输出（磁盘已满），显示的内容不完整。',
      'the standard output cannot be written (the disk is full); what it shows is incomplete.',
    ],
    [
      'EIO',
      'EIO: i/o error, write',
      '无法写入标准输出（EIO: i/o error, write），显示的内容不完整。',
      'the standard output cannot be written (EIO: i/o error, write); what it shows is incomplete.',
    ],
  ])('standard output, %s', (code, message, zh, en) => {
    const error = Object.assign(new Error(message), { code });
    expect(stdoutFailure(error)).toEqual({ zh, en });
  });
});
