/**
 * Printable documents of an item guide: the blank application form of a form material (空白表格),
 * the same form filled in with a clearly fictitious applicant (示例样表, watermarked 样表), and the
 * sample of a result document or licence (结果样本, watermarked 样本). They are pages, not files:
 * they print on A4 from any browser, work without JavaScript and read well with a screen reader.
 *
 *   /items/{code}/materials/{n}/blank-form   /items/{code}/materials/{n}/sample   /items/{code}/results/{n}/sample
 */
import type { FastifyInstance } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import type { ModuleContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import type { Lang } from '../../../web/i18n.js';
import { Layout, type ViewEnv } from '../../../web/layout.js';
import { Breadcrumbs } from '../../../web/components.js';
import type { PageInput, portalPage } from '../page.js';
import { findItemGuide, type ItemGuide } from '../reads.js';

const IMPLEMENTATION_CODE = /^[0-9A-Z]{31}$/;
const POSITION = /^[1-9]\d{0,2}$/;
/** 材料类型 of an application form: only those have a blank form and a filled-in sample. */
const FORM_MATERIAL = 'form';
/** 服务对象 1 = 自然人: the form asks for a person; otherwise for an organisation and its representative. */
const NATURAL_PERSON = '1';

/** The three document pages' own words, zh-CN first. */
const TEXT = {
  'zh-CN': {
    blankForm: '空白表格',
    formSample: '示例样表',
    resultSample: '结果样本',
    sampleMark: '样表',
    resultMark: '样本',
    sampleNotice: '本样表为填写示例，所填人员和单位均为虚构，请勿直接使用。',
    resultNotice: '本样本仅供了解结果文书的式样，所载内容均为虚构，不具有法律效力。',
    print: '用 A4 纸打印本页（浏览器“打印”）。请用黑色签字笔填写，字迹清楚。',
    item: '申请事项',
    agency: '受理机关',
    code: '实施编码',
    applicant: '申请人信息',
    person: { name: '姓名', idNumber: '公民身份号码', phone: '联系电话', address: '住址' },
    organisation: { name: '单位名称', uscc: '统一社会信用代码', representative: '法定代表人（负责人）', idNumber: '法定代表人公民身份号码', phone: '联系电话', address: '住所（经营场所）' },
    agent: '委托代理人（如有）',
    agentFields: { name: '姓名', idNumber: '公民身份号码', phone: '联系电话' },
    request: '申请内容',
    enclosed: '随附材料（在已提交的材料前打 ✓）',
    declaration: '申请人承诺：以上填写内容及所附材料真实、合法、有效，如有虚假，愿承担相应的法律责任。',
    signature: '申请人签字（盖章）',
    date: '日期',
    dateBlank: '年　　月　　日',
    office: '以下由受理机关填写',
    officeFields: { number: '受理编号', clerk: '受理人', date: '受理日期' },
    notes: '填写说明',
    noteLines: ['带 * 的栏目为必填项。', '单位申请须加盖公章；委托他人办理的，须同时提交授权委托书及代理人身份证件。'],
    result: '结果名称',
    resultFields: { number: '编号', holder: '持证（受文）人', content: '许可（决定）内容', validity: '有效期限', issuer: '发证（决定）机关', issued: '发证（决定）日期' },
    electronic: '本结果可签发电子证照，与纸质证照具有同等法律效力。',
    back: '返回办事指南',
  },
  en: {
    blankForm: 'Blank form',
    formSample: 'Filled-in sample',
    resultSample: 'Result sample',
    sampleMark: 'SAMPLE',
    resultMark: 'SPECIMEN',
    sampleNotice: 'This is an example of a completed form. The person and organisation in it are fictitious; do not submit it.',
    resultNotice: 'This specimen only shows what the result document looks like. Its content is fictitious and has no legal effect.',
    print: 'Print this page on A4 (your browser’s Print). Fill it in clearly with a black pen.',
    item: 'Service applied for',
    agency: 'Handling agency',
    code: 'Implementation code',
    applicant: 'Applicant',
    person: { name: 'Name', idNumber: 'Citizen ID number', phone: 'Phone', address: 'Address' },
    organisation: { name: 'Organisation', uscc: 'Unified social credit code', representative: 'Legal representative', idNumber: 'Representative’s ID number', phone: 'Phone', address: 'Registered address' },
    agent: 'Authorised agent (if any)',
    agentFields: { name: 'Name', idNumber: 'Citizen ID number', phone: 'Phone' },
    request: 'What you apply for',
    enclosed: 'Enclosed materials (tick those you hand in)',
    declaration: 'I declare that the information above and the enclosed materials are true, lawful and valid, and accept legal responsibility for any falsehood.',
    signature: 'Signature (and seal)',
    date: 'Date',
    dateBlank: 'YYYY / MM / DD',
    office: 'For the handling agency',
    officeFields: { number: 'Acceptance number', clerk: 'Accepted by', date: 'Date accepted' },
    notes: 'Notes',
    noteLines: ['Fields marked * are required.', 'Organisations add their seal; an agent also hands in the power of attorney and their own ID.'],
    result: 'Result',
    resultFields: { number: 'Number', holder: 'Holder', content: 'Content', validity: 'Valid until', issuer: 'Issued by', issued: 'Date of issue' },
    electronic: 'This result can be issued as an electronic licence with the same legal effect as the paper one.',
    back: 'Back to the guide',
  },
} satisfies Record<Lang, unknown>;

/** The fictitious applicant of every sample: obviously an example, and no real ID number. */
const EXAMPLE = {
  person: { name: '张示例', idNumber: '3301**********001X', phone: '0571-8888 0000', address: '浙江省杭州市西湖区示例路 1 号' },
  organisation: { name: '杭州示例科技有限公司', uscc: '91330106EXAMPLE000', representative: '张示例', idNumber: '3301**********001X', phone: '0571-8888 0000', address: '浙江省杭州市西湖区示例路 1 号' },
  date: '2025 年 1 月 1 日',
  number: '（示例）2025-0001',
};

/** Print rules of these pages only: A4 margins, boxes that keep their borders, the watermark on every page. */
const DOCUMENT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
.document { max-width: 180mm; margin: 0 auto; position: relative; }
.document h1 { text-align: center; font-size: 1.6rem; margin: 1rem 0 0.25rem; }
.document .doc-meta { text-align: center; margin: 0 0 1rem; }
.document table.form-grid th { width: 32%; text-align: left; vertical-align: top; }
.document table.form-grid td { height: 2.4rem; }
.document table.form-grid th, .document table.form-grid td { border: 1px solid #1b1f24; padding: 0.4rem 0.6rem; }
.document .filled { font-family: "KaiTi", "STKaiti", serif; color: #00306b; }
.document .sign-row { display: flex; gap: 2rem; justify-content: flex-end; margin: 1.5rem 0; flex-wrap: wrap; }
.document .sign-box { min-width: 14rem; border-bottom: 1px solid #1b1f24; padding: 1.6rem 0 0.2rem; }
.document .doc-notice { border: 2px solid #a61b29; color: #a61b29; padding: 0.5rem 0.75rem; font-weight: bold; }
.document .watermark { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; pointer-events: none; overflow: hidden; }
.document .watermark span { font-size: 9rem; font-weight: bold; color: rgba(166, 27, 41, 0.13); transform: rotate(-30deg); white-space: nowrap; }
@media print {
  .document .watermark { position: fixed; }
  .document .doc-actions { display: none; }
  .document table.form-grid th, .document table.form-grid td { border-color: #000; }
}
`;

type PageBuilder = (build: (ctx: ModuleContext, input: PageInput) => Promise<VNode>) => ReturnType<typeof portalPage>;

/** The three routes, registered by the portal's index.ts with its page wrapper (cache, preferences). */
export function registerDocumentPages(http: FastifyInstance, page: PageBuilder): void {
  const hidden = { schema: { hide: true } };
  http.get('/items/:code/materials/:n/blank-form', hidden, page(buildBlankForm));
  http.get('/items/:code/materials/:n/sample', hidden, page(buildFormSample));
  http.get('/items/:code/results/:n/sample', hidden, page(buildResultSample));
}

function parsePosition(value: string | undefined): number {
  if (!value || !POSITION.test(value)) throw new AppError('not_found', { message: 'No such document.' });
  return Number(value) - 1;
}

async function guideOf(ctx: ModuleContext, code: string): Promise<ItemGuide> {
  const guide = IMPLEMENTATION_CODE.test(code) ? await findItemGuide(ctx.db, code) : null;
  if (!guide) throw new AppError('not_found', { message: `No published item ${code}.` });
  return guide;
}

/** The form material at position n (1-based) of a published item, or 404. */
async function formMaterial(ctx: ModuleContext, input: PageInput) {
  const { code, n } = input.request.params as { code: string; n?: string };
  const index = parsePosition(n);
  const guide = await guideOf(ctx, code);
  const material = guide.elements.materials[index];
  if (!material || material.kind !== FORM_MATERIAL) throw new AppError('not_found', { message: `Item ${code} has no application form ${n}.` });
  return { guide, material, position: index + 1 };
}

/** /items/{code}/materials/{n}/blank-form */
export async function buildBlankForm(ctx: ModuleContext, input: PageInput) {
  const { guide, material, position } = await formMaterial(ctx, input);
  return <FormPage env={input.env} guide={guide} title={material.name} notes={material.notes ?? null} position={position} filled={false} />;
}

/** /items/{code}/materials/{n}/sample */
export async function buildFormSample(ctx: ModuleContext, input: PageInput) {
  const { guide, material, position } = await formMaterial(ctx, input);
  return <FormPage env={input.env} guide={guide} title={material.name} notes={material.notes ?? null} position={position} filled={true} />;
}

/** /items/{code}/results/{n}/sample */
export async function buildResultSample(ctx: ModuleContext, input: PageInput) {
  const { code, n } = input.request.params as { code: string; n?: string };
  const index = parsePosition(n);
  const guide = await guideOf(ctx, code);
  const result = guide.elements.results[index];
  if (!result) throw new AppError('not_found', { message: `Item ${code} has no result ${n}.` });
  return <ResultPage env={input.env} guide={guide} result={result} />;
}

function DocumentFrame(props: { env: ViewEnv; guide: ItemGuide; kind: string; title: string; mark?: string; notice?: string; children: ComponentChildren }) {
  const { env, guide, kind, title, mark, notice, children } = props;
  const t = TEXT[env.lang];
  return (
    <Layout env={env} title={`${title}${env.m.inParens(kind)}`} section="none" bodyClass="guide">
      <Breadcrumbs
        m={env.m}
        trail={[
          { href: `/agencies/${guide.agency.id}`, label: guide.agency.name },
          { href: `/items/${guide.implementationCode}`, label: guide.name },
          { label: `${title}${env.m.inParens(kind)}` },
        ]}
      />
      <style dangerouslySetInnerHTML={{ __html: DOCUMENT_CSS }} />
      <article class="document" aria-labelledby="doc-title">
        {mark ? (
          <div class="watermark" aria-hidden="true">
            <span>{mark}</span>
          </div>
        ) : null}
        <p class="doc-actions print-hint">
          {t.print} <a href={`/items/${guide.implementationCode}`}>{t.back}</a>
        </p>
        {notice ? (
          <p class="doc-notice" role="note">
            {mark}：{notice}
          </p>
        ) : null}
        <h1 id="doc-title">{title}</h1>
        <p class="doc-meta">
          {kind} · {t.code} {guide.implementationCode}
        </p>
        {children}
      </article>
    </Layout>
  );
}

/** One labelled box of the form: empty on the blank form, the example value on the sample. */
function Field({ label, value, required }: { label: string; value: string | null; required?: boolean }) {
  return (
    <tr>
      <th scope="row">
        {required ? <span aria-hidden="true">* </span> : null}
        {label}
      </th>
      <td>{value ? <span class="filled">{value}</span> : null}</td>
    </tr>
  );
}

function FieldTable({ caption, children }: { caption: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap">
      <table class="form-grid">
        <caption>{caption}</caption>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function FormPage(props: { env: ViewEnv; guide: ItemGuide; title: string; notes: string | null; position: number; filled: boolean }) {
  const { env, guide, title, notes, position, filled } = props;
  const t = TEXT[env.lang];
  const value = (example: string) => (filled ? example : null);
  const forPerson = guide.elements.serviceObjects.length === 0 || guide.elements.serviceObjects.every((o) => o === NATURAL_PERSON);
  const enclosed = guide.elements.materials.filter((_, i) => i !== position - 1);
  return (
    <DocumentFrame
      env={env}
      guide={guide}
      kind={filled ? t.formSample : t.blankForm}
      title={title}
      {...(filled ? { mark: t.sampleMark, notice: t.sampleNotice } : {})}
    >
      <FieldTable caption={t.item}>
        <Field label={t.item} value={guide.name} />
        <Field label={t.agency} value={guide.agency.name} />
      </FieldTable>
      <FieldTable caption={t.applicant}>
        {forPerson ? (
          <>
            <Field label={t.person.name} value={value(EXAMPLE.person.name)} required />
            <Field label={t.person.idNumber} value={value(EXAMPLE.person.idNumber)} required />
            <Field label={t.person.phone} value={value(EXAMPLE.person.phone)} required />
            <Field label={t.person.address} value={value(EXAMPLE.person.address)} />
          </>
        ) : (
          <>
            <Field label={t.organisation.name} value={value(EXAMPLE.organisation.name)} required />
            <Field label={t.organisation.uscc} value={value(EXAMPLE.organisation.uscc)} required />
            <Field label={t.organisation.representative} value={value(EXAMPLE.organisation.representative)} required />
            <Field label={t.organisation.idNumber} value={value(EXAMPLE.organisation.idNumber)} required />
            <Field label={t.organisation.phone} value={value(EXAMPLE.organisation.phone)} required />
            <Field label={t.organisation.address} value={value(EXAMPLE.organisation.address)} />
          </>
        )}
      </FieldTable>
      <FieldTable caption={t.agent}>
        <Field label={t.agentFields.name} value={null} />
        <Field label={t.agentFields.idNumber} value={null} />
        <Field label={t.agentFields.phone} value={null} />
      </FieldTable>
      <FieldTable caption={t.request}>
        <Field label={t.request} value={value(`申请办理${guide.name}。`)} required />
      </FieldTable>
      {enclosed.length > 0 ? (
        <section aria-labelledby="doc-enclosed">
          <h2 id="doc-enclosed">{t.enclosed}</h2>
          <ul class="checklist">
            {enclosed.map((material) => (
              <li>
                <span aria-hidden="true">{filled && material.required ? '☑' : '☐'} </span>
                {material.name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>{t.declaration}</p>
      <div class="sign-row">
        <div class="sign-box">
          {t.signature}：{filled ? <span class="filled">{EXAMPLE.person.name}</span> : null}
        </div>
        <div class="sign-box">
          {t.date}：{filled ? <span class="filled">{EXAMPLE.date}</span> : t.dateBlank}
        </div>
      </div>
      <FieldTable caption={t.office}>
        <Field label={t.officeFields.number} value={null} />
        <Field label={t.officeFields.clerk} value={null} />
        <Field label={t.officeFields.date} value={null} />
      </FieldTable>
      <section aria-labelledby="doc-notes">
        <h2 id="doc-notes">{t.notes}</h2>
        <ol>
          {notes ? <li>{notes}</li> : null}
          {t.noteLines.map((line) => (
            <li>{line}</li>
          ))}
        </ol>
      </section>
    </DocumentFrame>
  );
}

function ResultPage({ env, guide, result }: { env: ViewEnv; guide: ItemGuide; result: ItemGuide['elements']['results'][number] }) {
  const t = TEXT[env.lang];
  const forPerson = guide.elements.serviceObjects.length === 0 || guide.elements.serviceObjects.every((o) => o === NATURAL_PERSON);
  return (
    <DocumentFrame env={env} guide={guide} kind={t.resultSample} title={result.name} mark={t.resultMark} notice={t.resultNotice}>
      <FieldTable caption={t.result}>
        <Field label={t.result} value={result.name} />
        <Field label={t.resultFields.number} value={EXAMPLE.number} />
        <Field label={t.resultFields.holder} value={forPerson ? EXAMPLE.person.name : EXAMPLE.organisation.name} />
        <Field label={t.resultFields.content} value={`准予${guide.name}（示例）。`} />
        <Field label={t.resultFields.validity} value="——" />
        <Field label={t.resultFields.issuer} value={guide.agency.name} />
        <Field label={t.resultFields.issued} value={EXAMPLE.date} />
      </FieldTable>
      {result.electronic ? <p>{t.electronic}</p> : null}
    </DocumentFrame>
  );
}
