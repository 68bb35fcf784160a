import type { ModuleContext } from '../../../platform/context.js';
import { Layout, type ViewEnv } from '../../../web/layout.js';
import { LinkGrid, SearchForm } from '../../../web/components.js';
import type { PageInput } from '../page.js';
import { agenciesOf, powersByAgency, type AgencyPowers } from '../reads.js';
import { TOPIC_LISTS, type TopicList } from './topics.js';

type GridLink = { href: string; label: string; count?: number };

interface HomeView {
  env: ViewEnv;
  topics: Record<TopicList, GridLink[]>;
  types: GridLink[];
  agencies: GridLink[];
  powers: GridLink[];
}

const HOME_AGENCIES = 12;
const HOME_POWER_AGENCIES = 8;

/** 首页: the search box and the "2+3" sections, scoped to the current jurisdiction. */
export async function buildHome(ctx: ModuleContext, { env, region, labels }: PageInput) {
  await labels.load('item_type', ...TOPIC_LISTS.map((l) => l.codeList));
  const [agencies, powers] = await Promise.all([agenciesOf(ctx.db, region.code), powersByAgency(ctx.db, region.code)]);
  const topics = {} as Record<TopicList, GridLink[]>;
  for (const list of TOPIC_LISTS) {
    topics[list.name] = labels.entries(list.codeList).map((entry) => ({
      href: `/topics/${list.name}/${entry.code}`,
      label: labels.of(list.codeList, entry.code),
    }));
  }
  const types = labels
    .entries('item_type')
    .map((entry) => ({ href: `/types/${entry.code}`, label: labels.of('item_type', entry.code) }));
  const ownAgencies = agencies.slice(0, HOME_AGENCIES);
  return (
    <HomePage
      env={env}
      topics={topics}
      types={types}
      agencies={ownAgencies.map((a) => ({ href: `/agencies/${a.id}`, label: a.name }))}
      powers={topPowers(powers)}
    />
  );
}

function topPowers(powers: AgencyPowers[]): GridLink[] {
  return powers
    .map((p) => ({ href: `/agencies/${p.agency.id}`, label: p.agency.name, count: p.total }))
    .sort((a, b) => b.count - a.count)
    .slice(0, HOME_POWER_AGENCIES);
}

function HomePage({ env, topics, types, agencies, powers }: HomeView) {
  const { m } = env;
  return (
    <Layout env={env} title={m.home.title} section="home" hideHeaderSearch>
      <div class="hero">
        <h1>{m.home.heroTitle}</h1>
        <p>{m.home.heroText}</p>
        <SearchForm m={m} id="home-search" large />
      </div>
      <div class="sections">
        <section class="section-block" aria-labelledby="sec-personal">
          <h2 id="sec-personal">{m.home.personal}</h2>
          <p class="section-intro">{m.home.personalIntro}</p>
          <LinkGrid m={m} links={topics.person} />
        </section>
        <section class="section-block" aria-labelledby="sec-business">
          <h2 id="sec-business">{m.home.business}</h2>
          <p class="section-intro">{m.home.businessIntro}</p>
          <LinkGrid m={m} links={topics.business} />
        </section>
      </div>
      <section aria-labelledby="sec-admin">
        <h2 id="sec-admin">{m.home.administrative}</h2>
        <p class="section-intro">{m.home.administrativeIntro}</p>
        <div class="sections">
          <div class="section-block">
            <h3>{m.home.byType}</h3>
            <LinkGrid m={m} links={types} />
          </div>
          <div class="section-block">
            <h3>{m.home.byAgency}</h3>
            <LinkGrid m={m} links={agencies} />
            <p class="more">
              <a href="/agencies">{m.home.allAgencies}</a>
            </p>
          </div>
        </div>
      </section>
      <section aria-labelledby="sec-convenience">
        <h2 id="sec-convenience">{m.home.convenience}</h2>
        <p class="section-intro">{m.home.convenienceIntro}</p>
        <LinkGrid m={m} links={topics.convenience} />
      </section>
      <section aria-labelledby="sec-transparency">
        <h2 id="sec-transparency">{m.home.transparency}</h2>
        <p class="section-intro">{m.home.transparencyIntro}</p>
        <LinkGrid m={m} links={powers} />
        <p class="more">
          <a href="/transparency">{m.home.allPowers}</a>
        </p>
      </section>
    </Layout>
  );
}
