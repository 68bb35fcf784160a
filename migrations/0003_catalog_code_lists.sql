-- Code lists of GB/T 39046-2020 and the national portal, as version '2020' data.
-- A new edition of a list is a new version row plus its entries; the old one stays for old records.

INSERT INTO catalog.code_list (list, version, title, source) VALUES ('item_type', '2020', '事项类型', 'GB/T 39046-2020 附录A');
INSERT INTO catalog.code_list_entry (list, version, code, name_zh, name_en, sort) VALUES
  ('item_type', '2020', '01', '行政许可', 'Administrative licensing', 0),
  ('item_type', '2020', '02', '行政处罚', 'Administrative penalty', 1),
  ('item_type', '2020', '03', '行政强制', 'Administrative coercion', 2),
  ('item_type', '2020', '04', '行政征收', 'Administrative levy', 3),
  ('item_type', '2020', '05', '行政给付', 'Administrative benefit', 4),
  ('item_type', '2020', '06', '行政检查', 'Administrative inspection', 5),
  ('item_type', '2020', '07', '行政确认', 'Administrative confirmation', 6),
  ('item_type', '2020', '08', '行政奖励', 'Administrative reward', 7),
  ('item_type', '2020', '09', '行政裁决', 'Administrative adjudication', 8),
  ('item_type', '2020', '10', '其他行政权力', 'Other administrative power', 9),
  ('item_type', '2020', '20', '公共服务', 'Public service', 10);

INSERT INTO catalog.code_list (list, version, title, source) VALUES ('exercise_level', '2020', '行使层级', 'GB/T 39046-2020 附录A');
INSERT INTO catalog.code_list_entry (list, version, code, name_zh, name_en, sort) VALUES
  ('exercise_level', '2020', '1', '国家级', 'National', 0),
  ('exercise_level', '2020', '2', '省级', 'Provincial', 1),
  ('exercise_level', '2020', '3', '市级', 'Municipal', 2),
  ('exercise_level', '2020', '4', '县级', 'County', 3),
  ('exercise_level', '2020', '5', '镇（乡、街道）级', 'Township', 4),
  ('exercise_level', '2020', '6', '村（社区）级', 'Village or community', 5),
  ('exercise_level', '2020', '7', '分级管理', 'Tiered management', 6);

INSERT INTO catalog.code_list (list, version, title, source) VALUES ('body_nature', '2020', '实施主体性质', 'GB/T 39046-2020 附录A');
INSERT INTO catalog.code_list_entry (list, version, code, name_zh, name_en, sort) VALUES
  ('body_nature', '2020', '1', '法定机关', 'Statutory authority', 0),
  ('body_nature', '2020', '2', '授权组织', 'Authorised organisation', 1),
  ('body_nature', '2020', '3', '受委托组织', 'Entrusted organisation', 2),
  ('body_nature', '2020', '9', '其他', 'Other', 3);

INSERT INTO catalog.code_list (list, version, title, source) VALUES ('service_object', '2020', '服务对象', 'GB/T 39046-2020 附录A');
INSERT INTO catalog.code_list_entry (list, version, code, name_zh, name_en, sort) VALUES
  ('service_object', '2020', '1', '自然人', 'Natural person', 0),
  ('service_object', '2020', '2', '企业法人', 'Enterprise legal person', 1),
  ('service_object', '2020', '3', '事业法人', 'Public institution', 2),
  ('service_object', '2020', '4', '社会组织法人', 'Social organisation', 3),
  ('service_object', '2020', '5', '行政机关', 'Administrative organ', 4),
  ('service_object', '2020', '6', '其他组织', 'Other organisation', 5);

INSERT INTO catalog.code_list (list, version, title, source) VALUES ('handling_form', '2020', '办理形式', 'GB/T 39046-2020 附录A');
INSERT INTO catalog.code_list_entry (list, version, code, name_zh, name_en, sort) VALUES
  ('handling_form', '2020', '1', '窗口办理', 'At a service window', 0),
  ('handling_form', '2020', '2', '电脑端网上办理', 'Online (computer)', 1),
  ('handling_form', '2020', '3', '移动端办理', 'Online (mobile)', 2),
  ('handling_form', '2020', '4', '快递申请', 'By post', 3),
  ('handling_form', '2020', '9', '其他', 'Other', 4);

INSERT INTO catalog.code_list (list, version, title, source) VALUES ('case_type', '2020', '办件类型', 'GB/T 39046-2020 附录A');
INSERT INTO catalog.code_list_entry (list, version, code, name_zh, name_en, sort) VALUES
  ('case_type', '2020', '1', '即办件', 'Immediate', 0),
  ('case_type', '2020', '2', '承诺件', 'Committed time limit', 1),
  ('case_type', '2020', '9', '其他', 'Other', 2);

INSERT INTO catalog.code_list (list, version, title, source) VALUES ('special_procedure', '2020', '特别程序种类', 'GB/T 39046-2020 附录A');
INSERT INTO catalog.code_list_entry (list, version, code, name_zh, name_en, sort) VALUES
  ('special_procedure', '2020', '1', '延长审批', 'Extension', 0),
  ('special_procedure', '2020', '2', '听证、检验检测、专家评审等', 'Hearing, testing, inspection or expert review', 1);

INSERT INTO catalog.code_list (list, version, title, source) VALUES ('power_source', '2020', '权力来源', 'GB/T 39046-2020 附录A');
INSERT INTO catalog.code_list_entry (list, version, code, name_zh, name_en, sort) VALUES
  ('power_source', '2020', '1', '法定本级行使', 'Statutory, exercised at this level', 0),
  ('power_source', '2020', '2', '上级下放', 'Delegated down by a higher level', 1),
  ('power_source', '2020', '3', '上级授权', 'Authorised by a higher level', 2),
  ('power_source', '2020', '4', '同级授权', 'Authorised at the same level', 3),
  ('power_source', '2020', '5', '上级委托', 'Entrusted by a higher level', 4),
  ('power_source', '2020', '6', '同级委托', 'Entrusted at the same level', 5);

INSERT INTO catalog.code_list (list, version, title, source) VALUES ('online_depth', '2020', '网上办理深度', 'GB/T 39046-2020; 浙江事项指南');
INSERT INTO catalog.code_list_entry (list, version, code, name_zh, name_en, sort) VALUES
  ('online_depth', '2020', '1', 'Ⅰ级 事项公开', 'Level I: published guide', 0),
  ('online_depth', '2020', '2', 'Ⅱ级 在线预审', 'Level II: online pre-review', 1),
  ('online_depth', '2020', '3', 'Ⅲ级 在线申办', 'Level III: online application', 2),
  ('online_depth', '2020', '4', 'Ⅳ级 全程网办', 'Level IV: fully online', 3);

INSERT INTO catalog.code_list (list, version, title, source) VALUES ('time_unit', '2020', '时限单位', 'GB/T 39046-2020');
INSERT INTO catalog.code_list_entry (list, version, code, name_zh, name_en, sort) VALUES
  ('time_unit', '2020', 'WD', '工作日', 'working days', 0),
  ('time_unit', '2020', 'ND', '自然日', 'calendar days', 1),
  ('time_unit', '2020', 'IMMEDIATE', '即办', 'on the spot', 2);

INSERT INTO catalog.code_list (list, version, title, source) VALUES ('person_topic', '2020', '自然人主题分类', '国家政务服务平台主题分类');
INSERT INTO catalog.code_list_entry (list, version, code, name_zh, name_en, sort) VALUES
  ('person_topic', '2020', '01', '生育收养', 'Birth and adoption', 0),
  ('person_topic', '2020', '02', '户籍办理', 'Household registration', 1),
  ('person_topic', '2020', '03', '教育科研', 'Education', 2),
  ('person_topic', '2020', '04', '就业创业', 'Employment and start-ups', 3),
  ('person_topic', '2020', '05', '婚姻登记', 'Marriage registration', 4),
  ('person_topic', '2020', '06', '住房保障', 'Housing', 5),
  ('person_topic', '2020', '07', '医疗卫生', 'Health care', 6),
  ('person_topic', '2020', '08', '社会保障', 'Social security', 7),
  ('person_topic', '2020', '09', '退休养老', 'Retirement', 8),
  ('person_topic', '2020', '10', '身后事', 'After a death', 9),
  ('person_topic', '2020', '11', '证件办理', 'Identity documents', 10),
  ('person_topic', '2020', '12', '交通出行', 'Transport', 11),
  ('person_topic', '2020', '13', '残疾人', 'Disability', 12),
  ('person_topic', '2020', '14', '法律服务', 'Legal services', 13),
  ('person_topic', '2020', '15', '出境入境', 'Exit and entry', 14),
  ('person_topic', '2020', '16', '兵役退役', 'Military service', 15),
  ('person_topic', '2020', '17', '职业资格', 'Professional qualifications', 16),
  ('person_topic', '2020', '18', '文化体育', 'Culture and sport', 17);

INSERT INTO catalog.code_list (list, version, title, source) VALUES ('business_topic', '2020', '法人主题分类', '国家政务服务平台主题分类');
INSERT INTO catalog.code_list_entry (list, version, code, name_zh, name_en, sort) VALUES
  ('business_topic', '2020', '01', '设立变更', 'Start and change', 0),
  ('business_topic', '2020', '02', '准营准办', 'Operating permits', 1),
  ('business_topic', '2020', '03', '经营纳税', 'Operation and tax', 2),
  ('business_topic', '2020', '04', '人力资源', 'Human resources', 3),
  ('business_topic', '2020', '05', '工程建设', 'Construction projects', 4),
  ('business_topic', '2020', '06', '注销', 'Closing down', 5),
  ('business_topic', '2020', '07', '资质认证', 'Qualifications', 6),
  ('business_topic', '2020', '08', '知识产权', 'Intellectual property', 7),
  ('business_topic', '2020', '09', '环保绿化', 'Environment', 8),
  ('business_topic', '2020', '10', '交通运输', 'Transport', 9),
  ('business_topic', '2020', '11', '农林牧渔', 'Agriculture, forestry and fishery', 10),
  ('business_topic', '2020', '12', '医疗卫生', 'Health', 11),
  ('business_topic', '2020', '13', '文化旅游', 'Culture and tourism', 12),
  ('business_topic', '2020', '14', '安全生产', 'Work safety', 13);

INSERT INTO catalog.code_list (list, version, title, source) VALUES ('convenience_topic', '2020', '便民服务', '浙江政务服务网便民服务');
INSERT INTO catalog.code_list_entry (list, version, code, name_zh, name_en, sort) VALUES
  ('convenience_topic', '2020', '01', '教育培训', 'Education and training', 0),
  ('convenience_topic', '2020', '02', '医疗卫生', 'Health care', 1),
  ('convenience_topic', '2020', '03', '医疗保险', 'Medical insurance', 2),
  ('convenience_topic', '2020', '04', '社保就业', 'Social insurance and jobs', 3),
  ('convenience_topic', '2020', '05', '交通出行', 'Transport', 4),
  ('convenience_topic', '2020', '06', '旅游观光', 'Tourism', 5),
  ('convenience_topic', '2020', '07', '纳税缴费', 'Taxes and fees', 6),
  ('convenience_topic', '2020', '08', '证件办理', 'Documents', 7),
  ('convenience_topic', '2020', '09', '住房公积金', 'Housing provident fund', 8),
  ('convenience_topic', '2020', '10', '户籍身份', 'Household registration and ID', 9),
  ('convenience_topic', '2020', '11', '婚育收养', 'Marriage, birth and adoption', 10),
  ('convenience_topic', '2020', '12', '养老服务', 'Elderly care', 11),
  ('convenience_topic', '2020', '13', '残疾人服务', 'Disability services', 12),
  ('convenience_topic', '2020', '14', '水电气暖', 'Utilities', 13),
  ('convenience_topic', '2020', '15', '法律服务', 'Legal services', 14);

INSERT INTO catalog.code_list (list, version, title, source) VALUES ('satisfaction', '2020', '评价等级', 'GB/T 39046-2020 附录A.8');
INSERT INTO catalog.code_list_entry (list, version, code, name_zh, name_en, sort) VALUES
  ('satisfaction', '2020', '1', '非常满意', 'Very satisfied', 0),
  ('satisfaction', '2020', '2', '满意', 'Satisfied', 1),
  ('satisfaction', '2020', '3', '基本满意', 'Fairly satisfied', 2),
  ('satisfaction', '2020', '4', '不满意', 'Dissatisfied', 3),
  ('satisfaction', '2020', '5', '非常不满意', 'Very dissatisfied', 4);
