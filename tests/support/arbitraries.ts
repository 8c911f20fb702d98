// fast-check arbitraries shared by the self-check's tests.
import fc from 'fast-check';
import type { MatrixData } from '../../src/lib/matrix.ts';
import { indicatorCounts, RECORD_VERSION, type SelfCheckRecord } from '../../src/lib/self-check.ts';

/** Any valid self-check record of a dictionary: any role or none, any answer to each indicator. */
export const selfCheckRecordArb = (data: MatrixData): fc.Arbitrary<SelfCheckRecord> =>
  fc.record({
    v: fc.constant(RECORD_VERSION),
    role: fc.constantFrom(null, ...data.roles.map((role) => role.slug)),
    all: fc.boolean(),
    answers: fc
      .tuple(
        ...indicatorCounts(data).map((count) =>
          fc.string({ unit: fc.constantFrom('y', 'n', '_'), minLength: count, maxLength: count }),
        ),
      )
      .map((texts) => Object.fromEntries(texts.map((text, index) => [data.competencies[index]!.slug, text]))),
  });
