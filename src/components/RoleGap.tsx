/**
 * One role's gap and development plan for a record, as the self-check shows it in its fit table and
 * the unit roll-up shows it per person: per competency, what is left, level by level.
 */
import type { Filler, Labels } from '../lib/labels.ts';
import { IndicatorLabel, InlineText } from './IndicatorText.tsx';
import type { MatrixData, MatrixIndicator } from '../lib/matrix.ts';
import { rolePlan } from '../lib/self-check-plan.ts';
import type { SelfCheckRecord } from '../lib/self-check.ts';

/** One role's gap and plan, opened from the fit table: per competency, what is left, level by level. */
export function RoleGap({
  data,
  record,
  role,
  lang,
  l,
}: {
  data: MatrixData;
  record: SelfCheckRecord;
  role: number;
  lang: 'id' | 'en';
  l: Filler<Labels<'check'>>;
}) {
  const entry = data.roles[role]!;
  const plan = rolePlan(data, record, role);
  return (
    <div class="self-check-role-gap">
      <h4>{l('fitPlanTitle', { role: entry.name })}</h4>
      {plan.every((competency) => competency.levels.length === 0) && <p>{l('fitPlanDone')}</p>}
      {plan.map((competency) => (
        <div class="self-check-role-gap-competency" key={competency.competency}>
          <h5>
            {l('fitPlanNeeds', {
              competency: data.competencies[competency.competency]!.name,
              level: competency.required,
            })}
            {': '}
            {competency.meets === 'yes' ? l('met') : competency.meets === 'unknown' ? l('unknown') : l('fit.not-met')}
          </h5>
          {competency.levels.map((level) => {
            // The required level's own indicators are what the draft's role table lists; the levels
            // below are asked only under this site's cumulative reading, so each says which it is.
            const count = level.indicators.length;
            const heading =
              level.level === competency.required
                ? l('planOwn', { level: level.level, count })
                : l('planBelow', { levels: String(level.level), count });
            return (
              <div key={level.level}>
                <p class="self-check-role-gap-level" data-part={level.level === competency.required ? 'own' : 'below'}>
                  {heading}
                </p>
                <PlanList indicators={level.indicators} lang={lang} />
              </div>
            );
          })}
        </div>
      ))}
      <p>
        <a href={entry.href}>{l('fitPlanRolePage', { role: entry.name })}</a>
      </p>
    </div>
  );
}

/** Indicators still to reach, linked to their anchors, with their lettered sub-items. */
export function PlanList({ indicators, lang }: { indicators: MatrixIndicator[]; lang: 'id' | 'en' }) {
  return (
    <ul>
      {indicators.map((indicator) => (
        <li key={indicator.no}>
          <IndicatorLabel indicator={indicator} lang={lang} />
          {indicator.items.length > 0 && (
            <span class="self-check-items">
              {' '}
              <InlineText text={indicator.items.join('; ')} lang={lang} />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
