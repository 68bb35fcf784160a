import type { ComponentChildren } from 'preact';
import type { ModuleContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import type { Messages } from '../../../web/i18n.js';
import { Layout, type ViewEnv } from '../../../web/layout.js';
import { Breadcrumbs, Facts, PhoneLink, StarRating } from '../../../web/components.js';
import type { Labels, PageInput } from '../page.js';
import { findItemGuide, type ItemGuide } from '../reads.js';

const IMPLEMENTATION_CODE = /^[0-9A-Z]{31}$/;
const GUIDE_LISTS = [
  'item_type',
  'exercise_level',
  'body_nature',
  'power_source',
  'service_object',
  'person_topic',
  'business_topic',
  'convenience_topic',
  'case_type',
  'handling_form',
  'online_depth',
];

/** /items/{implementationCode}: the full 办事指南 of a published item. */
export async function buildItemPage(ctx: ModuleContext, { request, env, labels }: PageInput) {
  const { code } = request.params as { code: string };
  const guide = IMPLEMENTATION_CODE.test(code) ? await findItemGuide(ctx.db, code) : null;
  if (!guide) throw new AppError('not_found', { message: `No published item ${code}.` });
  await labels.load(...GUIDE_LISTS);
  return <GuidePage env={env} guide={guide} labels={labels} />;
}

type TimeLimitValue = ItemGuide['elements']['legalLimit'];

function timeLimit(m: Messages, limit: TimeLimitValue): string {
  const text = limit.unit === 'IMMEDIATE' || limit.value === null ? m.time.immediate : m.time.days(limit.value, limit.unit);
  return limit.note ? `${text}${m.inParens(limit.note)}` : text;
}

function yesNo(m: Messages, value: boolean): string {
  return value ? m.item.yes : m.item.no;
}

/** A link to a downloadable file only when it is a web or site path; anything else is shown as text. */
function FileLink({ href, label }: { href: string | null | undefined; label: string }) {
  if (!href) return null;
  return /^(https?:\/\/|\/)/.test(href) ? <a href={href}>{label}</a> : <span>{label}</span>;
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`h-${id}`} id={id}>
      <h2 id={`h-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function GuidePage({ env, guide, labels }: { env: ViewEnv; guide: ItemGuide; labels: Labels }) {
  const { m } = env;
  const el = guide.elements;
  const list = (name: string, codes: string[]) => codes.map((c) => labels.of(name, c)).join(m.listSeparator);
  const topics = [list('person_topic', el.personTopics), list('business_topic', el.businessTopics), list('convenience_topic', el.convenienceTopics)]
    .filter(Boolean)
    .join(m.listSeparator);
  const toc: [string, string][] = [
    ['basic', m.item.basicInfo],
    ['conditions', m.item.conditions],
    ['materials', m.item.materials],
    ['handling', m.item.handling],
    ['process', m.item.process],
    ['fees', m.item.fees],
    ['results', m.item.results],
    ['channels', m.item.channels],
    ...(el.faq.length ? ([['faq', m.item.faq]] as [string, string][]) : []),
  ];
  return (
    <Layout env={env} title={guide.name} section="none" bodyClass="guide">
      <Breadcrumbs
        m={m}
        trail={[
          { href: `/agencies/${guide.agency.id}`, label: guide.agency.name },
          { label: guide.name },
        ]}
      />
      <div class="guide-head">
        <h1>{guide.name}</h1>
        <ul class="guide-summary">
          <li>
            {m.item.agency}{m.colon}<a href={`/agencies/${guide.agency.id}`}>{guide.agency.name}</a>
          </li>
          <li>
            {m.item.type}{m.colon}<strong>{labels.of('item_type', guide.typeCode)}</strong>
          </li>
          <li>
            {m.item.rating}{m.colon}<StarRating m={m} stars={guide.stars} />
          </li>
          <li>
            {m.item.depth}{m.colon}<strong>{labels.of('online_depth', el.onlineDepth)}</strong>
          </li>
          <li>
            {m.item.visits}{m.colon}<strong>{m.item.visitsValue(el.visits)}</strong>
          </li>
          <li>
            {m.item.promisedLimit}{m.colon}<strong>{timeLimit(m, el.promisedLimit)}</strong>
          </li>
        </ul>
        <p class="print-hint">{m.item.printHint}</p>
      </div>
      <nav class="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">{m.item.contents}</h2>
        <ul>
          {toc.map(([id, title]) => (
            <li>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="basic" title={m.item.basicInfo}>
        <Facts
          rows={[
            [m.item.implementationCode, <code>{guide.implementationCode}</code>],
            [m.item.basicCode, <code>{guide.basicCode}</code>],
            [m.item.type, labels.of('item_type', guide.typeCode)],
            [m.item.agency, guide.agency.name],
            [m.item.jurisdiction, guide.jurisdiction.name],
            [m.item.level, labels.of('exercise_level', guide.level)],
            [m.item.bodyNature, labels.of('body_nature', guide.bodyNature)],
            [m.item.powerSource, labels.of('power_source', guide.powerSource)],
            [m.item.serviceObjects, list('service_object', el.serviceObjects)],
            [m.item.topics, topics],
            [m.item.legalLimit, timeLimit(m, el.legalLimit)],
            [m.item.promisedLimit, timeLimit(m, el.promisedLimit)],
            [m.item.caseType, labels.of('case_type', el.caseType)],
            [m.item.legalBasis, guide.basic.legalBasis],
            [m.item.publishedAt, guide.publishedAt ? guide.publishedAt.slice(0, 10) : ''],
            [m.item.rating, <StarRating m={m} stars={guide.stars} />],
          ]}
        />
      </Section>

      <Section id="conditions" title={m.item.conditions}>
        <p>{el.acceptanceConditions}</p>
      </Section>

      <Section id="materials" title={m.item.materials}>
        {el.materials.length === 0 ? (
          <p>{m.item.noMaterials}</p>
        ) : (
          <table class="materials">
            <thead>
              <tr>
                <th scope="col">{m.item.materialName}</th>
                <th scope="col">{m.item.materialRequirements}</th>
                <th scope="col">{m.item.materialSource}</th>
              </tr>
            </thead>
            <tbody>
              {el.materials.map((mat, i) => (
                <tr>
                  <th scope="row">
                    {i + 1}. {mat.name}
                    {mat.notes ? <p class="muted">{mat.notes}</p> : null}
                  </th>
                  <td>
                    <strong>{mat.required ? m.item.required : m.item.optional}</strong>
                    <br />
                    {m.materialKinds[mat.kind] ?? mat.kind} · {m.materialForms[mat.form] ?? mat.form} · {m.item.copies(mat.copies)}
                  </td>
                  <td>
                    {m.sourceChannels[mat.sourceChannel] ?? mat.sourceChannel}
                    {mat.blankForm || mat.sample ? (
                      <>
                        <br />
                        <FileLink href={mat.blankForm} label={m.item.blankForm} /> <FileLink href={mat.sample} label={m.item.sample} />
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="handling" title={m.item.handling}>
        <Facts
          rows={[
            [m.item.handlingForms, list('handling_form', el.handlingForms)],
            [m.item.depth, labels.of('online_depth', el.onlineDepth)],
            [m.item.visits, m.item.visitsValue(el.visits)],
            [m.item.visitReason, el.visits > 0 ? (el.visitReason ?? '') : ''],
            [m.item.place, el.place],
            [m.item.hours, el.hours],
            [m.item.appointment, yesNo(m, el.appointment)],
            [m.item.postalApplication, yesNo(m, el.postalApplication)],
            [m.item.courierDelivery, yesNo(m, el.courierDelivery)],
            [m.item.onlinePayment, yesNo(m, el.onlinePayment)],
          ]}
        />
      </Section>

      <Section id="process" title={m.item.process}>
        <ol class="steps">
          {el.links.map((link) => (
            <li>
              <strong>{link.name}</strong>
              <br />
              <span class="muted">{m.item.stepUnit}{m.colon}</span>
              {link.unit}
              <br />
              <span class="muted">{m.item.stepLimit}{m.colon}</span>
              {timeLimit(m, link.timeLimit)}
            </li>
          ))}
        </ol>
      </Section>

      <Section id="fees" title={m.item.fees}>
        {el.fees.length === 0 ? (
          <p>{m.item.free}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{m.item.feeName}</th>
                <th scope="col">{m.item.feeStandard}</th>
                <th scope="col">{m.item.feeBasis}</th>
                <th scope="col">{m.item.feeReductions}</th>
              </tr>
            </thead>
            <tbody>
              {el.fees.map((fee) => (
                <tr>
                  <th scope="row">{fee.name}</th>
                  <td>{fee.standard}</td>
                  <td>{fee.legalBasis}</td>
                  <td>{fee.reductions ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="results" title={m.item.results}>
        {el.results.map((result) => (
          <Facts
            rows={[
              [m.item.resultName, result.name],
              [m.item.resultType, `${m.resultTypes[result.type] ?? result.type}${result.electronic ? ` · ${m.item.electronic}` : ''}`],
              [m.item.resultSample, result.sample ? <FileLink href={result.sample} label={m.item.resultSample} /> : ''],
            ]}
          />
        ))}
      </Section>

      <Section id="channels" title={m.item.channels}>
        <Facts
          rows={[
            [m.item.consultation, <PhoneLink phone={el.consultationPhone} />],
            [m.item.complaint, <PhoneLink phone={el.complaintPhone} />],
            [m.item.reviewBody, el.reviewBody],
            [m.item.litigationBody, el.litigationBody],
          ]}
        />
      </Section>

      {el.faq.length ? (
        <Section id="faq" title={m.item.faq}>
          <dl class="faq">
            {el.faq.map((entry) => (
              <>
                <dt>{entry.question}</dt>
                <dd>{entry.answer}</dd>
              </>
            ))}
          </dl>
        </Section>
      ) : null}
    </Layout>
  );
}
