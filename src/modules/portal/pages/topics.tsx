import type { FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { Layout, type Section, type ViewEnv } from '../../../web/layout.js';
import { Breadcrumbs, ItemHitList, LinkGrid, Pagination, type Crumb } from '../../../web/components.js';
import type { Labels, PageInput } from '../page.js';
import { parseListingQuery } from '../params.js';
import { browseListing, type BrowsePage, type ItemFilters, type ItemHit } from '../reads.js';

/** The three topic lists: 个人办事 (life events), 法人办事 (business life cycle), 便民服务. */
export const TOPIC_LISTS = [
  { name: 'person', codeList: 'person_topic', prefix: 'p' },
  { name: 'business', codeList: 'business_topic', prefix: 'b' },
  { name: 'convenience', codeList: 'convenience_topic', prefix: 'c' },
] as const;
export type TopicList = (typeof TOPIC_LISTS)[number]['name'];

export const PAGE_SIZE = 20;

function topicList(name: string) {
  const list = TOPIC_LISTS.find((l) => l.name === name);
  if (!list) throw new AppError('not_found', { message: `No topic list ${name}.` });
  return list;
}

export function hitViews(hits: ItemHit[], labels: Labels) {
  return hits.map((hit) => ({ ...hit, typeLabel: labels.of('item_type', hit.type) }));
}

/** /topics/{list}: every topic of a list (个人办事 life events, 法人办事 business life cycle, 便民服务). */
export async function buildTopicIndex(_ctx: ModuleContext, { request, env, region, labels }: PageInput) {
  const list = topicList((request.params as { list: string }).list);
  await labels.load(list.codeList);
  const title = env.m.topic[list.name];
  const links = labels.entries(list.codeList).map((entry) => ({
    href: `/topics/${list.name}/${entry.code}`,
    label: labels.of(list.codeList, entry.code),
  }));
  return (
    <Layout env={env} title={title} section={list.name}>
      <Breadcrumbs m={env.m} trail={[{ label: title }]} />
      <h1>{title}</h1>
      <p class="muted">{env.m.search.scope(region.name)}</p>
      <LinkGrid m={env.m} links={links} />
    </Layout>
  );
}

/** /topics/{list}/{code}: the items of one topic in the current jurisdiction. */
export async function buildTopicPage(ctx: ModuleContext, input: PageInput) {
  const { list: listName, code } = input.request.params as { list: string; code: string };
  const list = topicList(listName);
  await input.labels.load(list.codeList, 'item_type');
  if (!input.labels.entries(list.codeList).some((e) => e.code === code)) throw new AppError('not_found', { message: `No topic ${listName}/${code}.` });
  const title = input.labels.of(list.codeList, code);
  return listingPage(ctx, input, {
    title,
    section: list.name,
    trail: [{ href: `/topics/${list.name}`, label: input.env.m.topic[list.name] }, { label: title }],
    filters: { topic: `${list.prefix}:${code}` },
  });
}

/** /types/{code}: the items of one item type (行政许可, 公共服务 …) in the current jurisdiction. */
export async function buildTypePage(ctx: ModuleContext, input: PageInput) {
  const { code } = input.request.params as { code: string };
  await input.labels.load('item_type');
  if (!input.labels.entries('item_type').some((e) => e.code === code)) throw new AppError('not_found', { message: `No item type ${code}.` });
  const title = input.labels.of('item_type', code);
  return listingPage(ctx, input, { title, section: 'none', trail: [{ label: input.env.m.topic.type }, { label: title }], filters: { type: code } });
}

async function listingPage(
  ctx: ModuleContext,
  { request, env, region, labels }: PageInput,
  page: { title: string; section: Section; trail: Crumb[]; filters: Omit<ItemFilters, 'jurisdiction'> },
) {
  const { page: pageNumber } = parseListingQuery(request.query as Record<string, unknown>);
  const listing = await browseListing(ctx.db, { jurisdiction: region.code, ...page.filters }, pageNumber, PAGE_SIZE);
  return <ListingView env={env} title={page.title} section={page.section} trail={page.trail} listing={listing} pageNumber={pageNumber} labels={labels} request={request} regionName={region.name} />;
}

function ListingView(props: {
  env: ViewEnv;
  title: string;
  section: Section;
  trail: Crumb[];
  listing: BrowsePage;
  pageNumber: number;
  labels: Labels;
  request: FastifyRequest;
  regionName: string;
}) {
  const { env, listing } = props;
  const { m } = env;
  return (
    <Layout env={env} title={props.title} section={props.section}>
      <Breadcrumbs m={m} trail={props.trail} />
      <h1>{props.title}</h1>
      <p class="muted">
        {m.search.scope(props.regionName)} · {listing.totalExact ? m.search.resultCount(listing.total) : m.search.resultCountAtLeast(listing.total)}
      </p>
      {listing.hits.length ? <ItemHitList m={m} hits={hitViews(listing.hits, props.labels)} /> : <p>{m.topic.none}</p>}
      <Pagination m={m} url={props.request.url} page={props.pageNumber} pageSize={PAGE_SIZE} total={listing.total} />
    </Layout>
  );
}
