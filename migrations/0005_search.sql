-- Search (事项搜索): a denormalised read model of the published implementation items, indexed for
-- Chinese full-text search, plus the synonym table (同义词) that maps colloquial forms onto catalogue words.
-- Tokens are cut by jieba in the application (cutForSearch) and stored space-separated, so the
-- 'simple' text-search configuration gives the same tsvector on PGlite and on PostgreSQL.
--
-- Name-first layout (see src/modules/search/README.md): the same item is implemented by hundreds of
-- agencies, so the searchable text lives once per distinct text (search.text: a few thousand rows)
-- and once per agency (search.agency), and full-text matching happens on those small tables. The
-- documents (one per implementation) carry only ids and filter columns, read through B-tree indexes
-- per text, and search.tally keeps exact counts per text and region for totals and facets.

CREATE SCHEMA IF NOT EXISTS search;

-- One row per distinct searchable text: an item name with the item's own extra text (result names,
-- acceptance conditions). Rows are never deleted (they are few); a text without documents matches nothing.
CREATE TABLE search.text (
  id            int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name          text NOT NULL,
  title_tokens  text NOT NULL,
  extra_tokens  text NOT NULL,
  -- Title tokens carry weight A, the extra text weight B, so a query can ask "in the title" (:A).
  tsv           tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('simple'::regconfig, title_tokens), 'A') ||
                  setweight(to_tsvector('simple'::regconfig, extra_tokens), 'B')) STORED
);
CREATE UNIQUE INDEX text_identity ON search.text (name, md5(extra_tokens));
CREATE INDEX text_tsv ON search.text USING gin (tsv);

-- The implementing agencies' names, searchable like extra text (杭州市住房公积金管理中心).
CREATE TABLE search.agency (
  id      bigint PRIMARY KEY,
  name    text NOT NULL,
  tokens  text NOT NULL,
  tsv     tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, tokens), 'B')) STORED
);
CREATE INDEX agency_tsv ON search.agency USING gin (tsv);

CREATE TABLE search.document (
  item_id              bigint PRIMARY KEY,
  implementation_code  text NOT NULL UNIQUE,
  text_id              int NOT NULL REFERENCES search.text (id),
  name                 text NOT NULL,
  basic_code           text NOT NULL,
  agency_id            bigint NOT NULL,
  agency_name          text NOT NULL,
  jurisdiction_code    text NOT NULL,
  jurisdiction_name    text NOT NULL,
  -- Codes from the root down to the item's own jurisdiction: "this jurisdiction and its descendants".
  jurisdictions        text[] NOT NULL,
  -- jurisdictions[1..3], '' when the item sits above that level: the scope columns of the indexes below.
  province_code        text NOT NULL,
  city_code            text NOT NULL,
  county_code          text NOT NULL,
  type_code            text NOT NULL,
  audiences            text[] NOT NULL,
  topics               text[] NOT NULL,
  stars                smallint NOT NULL,
  popularity           int NOT NULL
);
-- The most popular documents of one text, overall or within a city or county.
-- agency_id included: the agency facet of a small result is counted by index-only scan.
CREATE INDEX document_text ON search.document (text_id, popularity DESC, item_id) INCLUDE (agency_id);
CREATE INDEX document_text_province ON search.document (text_id, province_code, popularity DESC, item_id) INCLUDE (agency_id);
CREATE INDEX document_text_city ON search.document (text_id, city_code, popularity DESC, item_id) INCLUDE (agency_id);
CREATE INDEX document_text_county ON search.document (text_id, county_code, popularity DESC, item_id);
-- Counting within a county or township (township and agency facets, filtered counts) reads one
-- range of this index, index-only: every column it reads is here. Without popularity and item id
-- it never serves the page, which reads the ordered indexes above and stops early.
CREATE INDEX document_county_text ON search.document (county_code, text_id)
  INCLUDE (agency_id, province_code, city_code, jurisdictions, type_code, stars, audiences, topics);
CREATE INDEX document_agency ON search.document (agency_id, popularity DESC, item_id);
-- Browsing without a query.
CREATE INDEX document_popularity ON search.document (popularity DESC, item_id);
CREATE INDEX document_jurisdictions ON search.document USING gin (jurisdictions);
CREATE INDEX document_type ON search.document (type_code, popularity DESC);
-- Exact-name lookups (suggestions only offer names that still have documents).
CREATE INDEX document_name ON search.document (name text_pattern_ops);

-- Exact counts of documents per text, region and facet values, maintained by indexDocuments and
-- removeDocuments. Each document is counted at three grains: 1 (its province; city_code and
-- county_code ''), 2 (its city; county_code '') and 3 (its county), under its own text and under
-- text 0, which stands for every text. A query sums the rows of its matched texts instead of
-- counting documents: per-text totals at the scope's own grain (about one row per text), facets at
-- the grain below; when most texts match, facets are text 0 minus the texts that do not match.
CREATE TABLE search.tally (
  grain          smallint NOT NULL CHECK (grain IN (1, 2, 3)),
  text_id        int NOT NULL,
  province_code  text NOT NULL,
  city_code      text NOT NULL,
  county_code    text NOT NULL,
  type_code      text NOT NULL,
  stars          smallint NOT NULL,
  audiences      text[] NOT NULL,
  topics         text[] NOT NULL,
  n              int NOT NULL CHECK (n >= 0),
  -- n in the index too: a query reads its texts' rows by index-only scan, contiguous per grain and
  -- text, so a query matching most texts reads one range of the grain instead of a descent per text.
  PRIMARY KEY (grain, text_id, city_code, county_code, province_code, type_code, stars, audiences, topics) INCLUDE (n)
);

-- Distinct item names for type-ahead suggestions (a few thousand rows, not one per implementation).
CREATE TABLE search.suggestion (
  name        text PRIMARY KEY,
  popularity  int NOT NULL
);

-- Synonyms, editable as data: a query containing `term` also finds items whose names contain `expansion`.
CREATE TABLE search.synonym (
  term       text NOT NULL CHECK (char_length(term) BETWEEN 1 AND 50),
  expansion  text NOT NULL CHECK (char_length(expansion) BETWEEN 1 AND 100),
  kind       text NOT NULL DEFAULT 'colloquial' CHECK (kind IN ('abbreviation', 'colloquial', 'former_name')),
  note       text,
  added_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (term, expansion)
);

INSERT INTO search.synonym (term, expansion, kind) VALUES
  ('医保', '医疗保险', 'abbreviation'),
  ('社保', '社会保险', 'abbreviation'),
  ('公积金', '住房公积金', 'abbreviation'),
  ('驾照', '机动车驾驶证', 'colloquial'),
  ('身份证', '居民身份证', 'abbreviation'),
  ('户口', '户籍', 'colloquial'),
  ('开公司', '企业设立登记', 'colloquial'),
  ('低保', '最低生活保障', 'abbreviation'),
  ('准生证', '生育登记', 'former_name'),
  ('生育证', '生育登记', 'colloquial'),
  ('生孩子', '生育登记', 'colloquial'),
  ('二胎', '生育登记', 'colloquial'),
  ('房产证', '不动产登记', 'former_name'),
  ('土地证', '不动产登记', 'former_name'),
  ('不动产证', '不动产登记', 'colloquial'),
  ('过户', '不动产登记', 'colloquial'),
  ('失业金', '失业保险金', 'abbreviation'),
  ('领失业金', '失业保险金申领', 'colloquial'),
  ('港澳通行证', '出入境通行证', 'colloquial'),
  ('台湾通行证', '出入境通行证', 'colloquial'),
  ('结婚证', '结婚登记', 'colloquial'),
  ('领证', '结婚登记', 'colloquial'),
  ('离婚证', '离婚登记', 'colloquial'),
  ('出生证', '出生医学证明', 'abbreviation'),
  ('出生证明', '出生医学证明', 'abbreviation'),
  ('营业执照', '设立登记', 'colloquial'),
  ('办执照', '设立登记', 'colloquial'),
  ('开店', '个体工商户设立登记', 'colloquial'),
  ('个体户', '个体工商户', 'abbreviation'),
  ('注销公司', '企业注销登记', 'colloquial'),
  ('公司注销', '企业注销登记', 'colloquial'),
  ('换驾照', '机动车驾驶证换证', 'colloquial'),
  ('驾驶证', '机动车驾驶证', 'abbreviation'),
  ('行驶证', '机动车行驶证', 'abbreviation'),
  -- The 行驶证 is issued with 机动车注册登记; no demo item carries the word itself.
  ('行驶证', '机动车注册登记', 'colloquial'),
  ('上牌', '机动车注册登记', 'colloquial'),
  ('新车上牌', '机动车注册登记', 'colloquial'),
  ('迁户口', '户口迁移', 'colloquial'),
  ('落户', '户口迁移', 'colloquial'),
  ('养老金', '养老保险', 'colloquial'),
  ('退休金', '养老保险', 'colloquial'),
  ('社保转移', '养老保险关系转移', 'colloquial'),
  ('残补', '残疾人两项补贴', 'abbreviation'),
  ('残疾补贴', '残疾人两项补贴', 'colloquial'),
  ('上学', '义务教育入学', 'colloquial'),
  ('入学报名', '义务教育入学', 'colloquial'),
  ('小学报名', '义务教育入学', 'colloquial'),
  ('教师证', '教师资格认定', 'colloquial'),
  ('教资', '教师资格认定', 'abbreviation'),
  ('护士证', '护士执业注册', 'colloquial'),
  ('医师证', '医师执业注册', 'colloquial'),
  ('行医执照', '医师执业注册', 'colloquial'),
  ('排污证', '排污许可', 'colloquial'),
  ('取水证', '取水许可', 'colloquial'),
  ('食品证', '食品经营许可', 'colloquial'),
  ('食品许可证', '食品经营许可', 'colloquial'),
  ('开饭店', '食品经营许可', 'colloquial'),
  ('开餐馆', '食品经营许可', 'colloquial'),
  ('卫生证', '公共场所卫生许可', 'colloquial'),
  ('卫生许可证', '公共场所卫生许可', 'colloquial'),
  ('施工证', '建筑工程施工许可', 'colloquial'),
  ('施工许可证', '建筑工程施工许可', 'colloquial'),
  ('规划证', '建设工程规划许可', 'colloquial'),
  ('烟草证', '烟草专卖零售许可', 'colloquial'),
  ('烟草许可证', '烟草专卖零售许可', 'colloquial'),
  ('卖烟', '烟草专卖零售许可', 'colloquial'),
  ('捕捞证', '渔业捕捞许可', 'colloquial'),
  ('开药店', '药品经营许可', 'colloquial'),
  ('药店', '药品经营许可', 'colloquial'),
  ('法援', '法律援助', 'abbreviation'),
  ('打官司', '法律援助', 'colloquial'),
  ('请律师', '法律援助', 'colloquial'),
  ('运输证', '道路运输经营许可', 'colloquial'),
  ('道路运输证', '道路运输经营许可', 'colloquial'),
  ('提公积金', '住房公积金提取', 'colloquial'),
  ('取公积金', '住房公积金提取', 'colloquial'),
  ('公积金买房', '住房公积金贷款', 'colloquial'),
  ('新农合', '城乡居民基本医疗保险', 'former_name'),
  ('居民医保', '城乡居民基本医疗保险', 'abbreviation'),
  ('医保参保', '医疗保险参保登记', 'colloquial'),
  ('换身份证', '居民身份证换领', 'colloquial'),
  ('身份证到期', '居民身份证换领', 'colloquial'),
  ('驾照到期', '机动车驾驶证换证', 'colloquial'),
  ('导游资格', '导游证核发', 'colloquial'),
  ('污水排放', '排污许可', 'colloquial'),
  ('出生登记', '户口登记', 'colloquial'),
  ('报户口', '户口登记', 'colloquial'),
  ('城建配套费', '城市基础设施配套费', 'abbreviation'),
  ('配套费', '城市基础设施配套费', 'abbreviation'),
  ('无证经营', '未取得食品经营许可', 'colloquial'),
  ('工商注册', '设立登记', 'colloquial'),
  ('养老金', '基本养老保险', 'colloquial'),
  ('退休金', '养老保险待遇', 'colloquial'),
  ('办退休', '正常退休', 'colloquial'),
  ('港澳签注', '出入境通行证签注', 'colloquial'),
  ('台湾通行证', '往来台湾通行证', 'colloquial'),
  ('护照', '普通护照', 'colloquial'),
  ('残疾证', '残疾人证', 'colloquial'),
  ('上学', '入学', 'colloquial'),
  ('入园', '幼儿园入园', 'colloquial'),
  ('转校', '转学', 'colloquial'),
  ('公司变更', '企业变更登记', 'colloquial'),
  ('合作社', '农民专业合作社', 'colloquial'),
  ('医保报销', '医疗费用', 'colloquial'),
  ('慢性病', '门诊慢特病', 'colloquial'),
  ('生育保险', '生育津贴', 'colloquial'),
  ('社保卡', '社会保障卡', 'colloquial'),
  ('房贷', '住房公积金贷款', 'colloquial'),
  ('租房补贴', '租赁补贴', 'colloquial'),
  ('公租房', '公共租赁住房', 'colloquial'),
  ('学车', '机动车驾驶证核发', 'colloquial'),
  ('补驾照', '机动车驾驶证补证', 'colloquial'),
  ('过户', '转移登记', 'colloquial'),
  ('年检', '机动车检验合格标志', 'colloquial'),
  ('车辆报废', '机动车注销登记', 'colloquial'),
  ('违章', '违反道路通行规定', 'colloquial'),
  ('卫生许可证', '卫生许可', 'colloquial'),
  ('施工许可证', '建筑工程施工许可证', 'colloquial'),
  ('工程规划证', '建设工程规划许可证', 'colloquial'),
  ('环评', '环境影响评价', 'colloquial'),
  ('采伐证', '林木采伐许可证', 'colloquial'),
  ('教师资格证', '教师资格认定', 'colloquial'),
  ('律师证', '律师执业许可', 'colloquial'),
  ('免费律师', '法律援助', 'colloquial'),
  ('劳动仲裁', '劳动人事争议仲裁', 'colloquial'),
  ('调解', '人民调解', 'colloquial'),
  ('无犯罪证明', '无犯罪记录证明', 'colloquial'),
  ('良民证', '无犯罪记录证明', 'colloquial'),
  ('暂住证', '居住证', 'colloquial'),
  ('上户口', '出生登记', 'colloquial'),
  ('销户', '注销户口', 'colloquial'),
  ('改名', '户口登记项目变更更正', 'colloquial'),
  ('临时身份证', '临时居民身份证', 'colloquial'),
  ('身份证丢了', '居民身份证补领', 'colloquial'),
  ('助学金', '家庭经济困难学生资助', 'colloquial'),
  ('护理补贴', '残疾人两项补贴', 'colloquial'),
  ('高龄补贴', '高龄津贴', 'colloquial'),
  ('五保', '特困人员救助供养', 'colloquial'),
  ('大病救助', '医疗救助', 'colloquial'),
  ('丧葬费', '丧葬补助金', 'colloquial'),
  ('抚恤金', '抚恤', 'colloquial'),
  ('优待证', '退役军人优待证', 'colloquial'),
  ('退伍', '退役', 'colloquial'),
  ('个税', '个人所得税', 'colloquial'),
  ('退税', '个人所得税综合所得汇算清缴', 'colloquial'),
  ('完税证明', '税收完税证明', 'colloquial'),
  ('开发票', '发票领用', 'colloquial'),
  ('买房交税', '契税', 'colloquial'),
  ('车购税', '车辆购置税', 'colloquial'),
  ('网约车', '网络预约出租汽车', 'colloquial'),
  ('出租车', '出租汽车', 'colloquial'),
  ('货运资质', '道路运输经营许可', 'colloquial'),
  ('危化品', '危险化学品', 'colloquial'),
  ('放鞭炮', '烟花爆竹', 'colloquial'),
  ('消防检查', '消防安全检查', 'colloquial'),
  ('外国人工作证', '外国人来华工作许可', 'colloquial'),
  ('高企', '高新技术企业认定', 'colloquial'),
  ('项目备案', '企业投资项目备案', 'colloquial'),
  ('消费维权', '消费投诉', 'colloquial'),
  ('打疫苗', '预防接种', 'colloquial'),
  ('献血', '无偿献血', 'colloquial'),
  ('网吧', '互联网上网服务营业场所', 'colloquial'),
  ('KTV', '娱乐场所', 'colloquial'),
  ('农机补贴', '农机购置与应用补贴', 'colloquial'),
  ('种粮补贴', '耕地地力保护补贴', 'colloquial'),
  ('代账', '代理记账', 'colloquial'),
  ('查档', '档案查阅利用', 'colloquial'),
  ('借书', '图书馆借阅', 'colloquial'),
  ('创业补贴', '一次性创业补贴', 'colloquial'),
  ('创业贷款', '创业担保贷款', 'colloquial'),
  ('找工作', '就业登记', 'colloquial'),
  ('人事档案', '流动人员人事档案', 'colloquial'),
  ('养老保险转移', '职工基本养老保险关系转移', 'colloquial'),
  ('医保转移', '基本医疗保险关系转移接续', 'colloquial'),
  ('建造师', '二级建造师', 'colloquial'),
  ('12345', '政务服务便民热线', 'colloquial')
ON CONFLICT (term, expansion) DO NOTHING;

-- Substring fallback (pg_trgm) for queries full-text search cannot place, on the distinct texts. It
-- only helps where the database ctype is UTF-8 aware: under ctype C, show_trgm of Chinese text is
-- empty, so no index then.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$
BEGIN
  IF cardinality(show_trgm('营业执照')) > 0 THEN
    EXECUTE 'CREATE INDEX text_name_trgm ON search.text USING gin (name gin_trgm_ops)';
  END IF;
END
$$;
