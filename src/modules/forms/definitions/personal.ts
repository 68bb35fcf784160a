/** Forms of the demo's personal items: 机动车驾驶证核发/换证, 出生医学证明, 结婚登记, 教师资格认定. */
import type { FormDefinition } from '../model.js';
import { APPLICANT_PREFILL, applicant, choice, date, declaration, formSchema, group, idNumber, integer, mobile, text } from './fields.js';

const TRUTH = declaration('本人承诺所填信息真实有效', 'I declare that the information given is true');
const APPLICANT_EXAMPLE = { name: '陈晓梅', idNumber: '330106199003071527', phone: '13857101234' };
const APPLICANT_FIELDS = ['applicant.name', 'applicant.idNumber', 'applicant.phone'];
const applicantPage = { title: '申请人', 'x-title-en': 'Applicant', sections: [{ title: '申请人信息', 'x-title-en': 'Applicant', fields: APPLICANT_FIELDS }] };

const LICENCE_CLASSES: [string, string, string][] = [
  ['C1', 'C1 小型汽车', 'C1 small car'],
  ['C2', 'C2 小型自动挡汽车', 'C2 small automatic car'],
  ['D', 'D 普通三轮摩托车', 'D three-wheel motorcycle'],
  ['E', 'E 普通二轮摩托车', 'E two-wheel motorcycle'],
  ['B2', 'B2 重型货车', 'B2 heavy goods vehicle'],
];

/** 机动车驾驶证核发 (010020010000): 《机动车驾驶证申领和使用规定》第十一条. */
export const DRIVING_LICENCE_ISSUE: FormDefinition = {
  version: 1,
  minimumLevel: 2,
  schema: formSchema(
    '机动车驾驶证申请',
    'Driving licence application',
    {
      applicant: applicant(),
      licenceClass: choice('申请准驾车型', 'Licence class', LICENCE_CLASSES),
      address: text('联系地址', 'Postal address', { max: 200 }),
      school: text('驾驶培训机构', 'Driving school', { max: 100, hint: ['如参加了驾驶培训', 'If you trained at a school'] }),
      healthDeclaration: declaration('本人身体条件符合申请准驾车型的要求', 'My health meets the requirements of this licence class'),
      declaration: TRUTH,
    },
    {
      applicant: APPLICANT_EXAMPLE,
      licenceClass: 'C1',
      address: '浙江省杭州市西湖区文三路 90 号 3 幢 502 室',
      school: '杭州西湖机动车驾驶员培训学校',
      healthDeclaration: true,
      declaration: true,
    },
    ['applicant', 'licenceClass', 'address', 'healthDeclaration', 'declaration'],
  ),
  layout: {
    pages: [
      applicantPage,
      { title: '准驾车型', 'x-title-en': 'Licence class', sections: [{ title: '准驾车型', 'x-title-en': 'Licence class', fields: ['licenceClass'] }] },
      { title: '地址与培训', 'x-title-en': 'Address and training', sections: [{ title: '地址与培训', 'x-title-en': 'Address and training', fields: ['address', 'school'] }] },
      { title: '声明', 'x-title-en': 'Declarations', sections: [{ title: '声明', 'x-title-en': 'Declarations', fields: ['healthDeclaration', 'declaration'] }] },
    ],
    widgets: { licenceClass: 'radio' },
  },
  prefill: { ...APPLICANT_PREFILL, address: 'person.address' },
};

/** 机动车驾驶证换证 (070020070000): 《机动车驾驶证申领和使用规定》第七十二条. */
export const DRIVING_LICENCE_RENEWAL: FormDefinition = {
  version: 1,
  minimumLevel: 2,
  schema: formSchema(
    '机动车驾驶证换证申请',
    'Driving licence renewal',
    {
      applicant: applicant(),
      reason: choice('换证原因', 'Reason', [
        ['expiry', '有效期满换证', 'Validity ends'],
        ['change', '信息变化换证', 'Details changed'],
        ['damaged', '证件损毁无法辨认', 'Licence damaged'],
      ]),
      licenceClass: choice('现准驾车型', 'Current licence class', LICENCE_CLASSES),
      expiresOn: date('驾驶证有效期至', 'Licence valid until'),
      delivery: choice('领取方式', 'Collection', [
        ['post', '邮寄到家', 'By post'],
        ['counter', '窗口领取', 'At the counter'],
      ]),
      declaration: TRUTH,
    },
    { applicant: APPLICANT_EXAMPLE, reason: 'expiry', licenceClass: 'C1', expiresOn: '2026-12-31', delivery: 'post', declaration: true },
  ),
  layout: {
    pages: [
      applicantPage,
      { title: '换证信息', 'x-title-en': 'Renewal', sections: [{ title: '换证', 'x-title-en': 'Renewal', fields: ['reason', 'licenceClass', 'expiresOn', 'delivery'] }] },
      { title: '声明', 'x-title-en': 'Declaration', sections: [{ title: '声明', 'x-title-en': 'Declaration', fields: ['declaration'] }] },
    ],
    widgets: { reason: 'radio', delivery: 'radio' },
  },
  prefill: { ...APPLICANT_PREFILL },
};

/** 出生医学证明 (070140010000): 《母婴保健法》第二十三条. */
export const BIRTH_CERTIFICATE: FormDefinition = {
  version: 1,
  minimumLevel: 2,
  schema: formSchema(
    '出生医学证明申领',
    'Medical birth certificate',
    {
      applicant: applicant('申请人（新生儿父亲或母亲）', 'Applicant (the father or the mother)'),
      relationship: choice('与新生儿关系', 'Relationship to the baby', [
        ['mother', '母亲', 'Mother'],
        ['father', '父亲', 'Father'],
      ]),
      newborn: group('新生儿', 'Newborn', {
        name: text('新生儿姓名', 'Baby’s name', { max: 50 }),
        sex: choice('性别', 'Sex', [
          ['male', '男', 'Male'],
          ['female', '女', 'Female'],
        ]),
        birthDate: date('出生日期', 'Date of birth'),
        birthPlace: text('出生地点（医疗机构）', 'Place of birth (hospital)', { max: 100 }),
        gestationWeeks: integer('出生孕周', 'Weeks of pregnancy at birth', 20, 45),
        weightGrams: integer('出生体重（克）', 'Birth weight (grams)', 300, 7000),
      }),
      otherParent: group('另一方父母', 'The other parent', { name: text('姓名', 'Name', { max: 50 }), idNumber: idNumber() }),
      declaration: TRUTH,
    },
    {
      applicant: { name: '刘婷', idNumber: '33010619920815262X', phone: '13906521234' },
      relationship: 'mother',
      newborn: { name: '张一诺', sex: 'female', birthDate: '2026-11-20', birthPlace: '浙江大学医学院附属妇产科医院', gestationWeeks: 39, weightGrams: 3250 },
      otherParent: { name: '张伟', idNumber: '330106198809123512' },
      declaration: true,
    },
  ),
  layout: {
    pages: [
      applicantPage,
      { title: '与新生儿关系', 'x-title-en': 'Relationship', sections: [{ title: '关系', 'x-title-en': 'Relationship', fields: ['relationship'] }] },
      {
        title: '新生儿',
        'x-title-en': 'Newborn',
        sections: [
          {
            title: '新生儿信息',
            'x-title-en': 'The baby',
            fields: ['newborn.name', 'newborn.sex', 'newborn.birthDate', 'newborn.birthPlace', 'newborn.gestationWeeks', 'newborn.weightGrams'],
          },
        ],
      },
      { title: '另一方父母', 'x-title-en': 'Other parent', sections: [{ title: '另一方父母', 'x-title-en': 'Other parent', fields: ['otherParent.name', 'otherParent.idNumber', 'declaration'] }] },
    ],
    widgets: { relationship: 'radio', 'newborn.sex': 'radio' },
  },
  prefill: { ...APPLICANT_PREFILL },
};

const EDUCATION: [string, string, string][] = [
  ['junior_college', '大学专科', 'Junior college'],
  ['bachelor', '大学本科', 'Bachelor'],
  ['master', '硕士研究生', 'Master'],
  ['doctor', '博士研究生', 'Doctorate'],
];

/** 结婚登记 (070050010000): 《民法典》第一千零四十九条, 《婚姻登记条例》第七条; both parties must attend in person. */
export const MARRIAGE_REGISTRATION: FormDefinition = {
  version: 1,
  minimumLevel: 2,
  schema: formSchema(
    '结婚登记预约申请',
    'Marriage registration (appointment)',
    {
      applicant: applicant('申请人（男方或女方）', 'Applicant (one of the couple)'),
      partner: group('对方当事人', 'Partner', {
        name: text('姓名', 'Name', { max: 50 }),
        idNumber: idNumber(),
        phone: mobile(),
      }),
      appointmentDate: date('预约登记日期', 'Appointment date', ['须为婚姻登记机关的工作日', 'A working day of the registry']),
      noSpouseDeclaration: declaration(
        '双方均无配偶，且没有直系血亲和三代以内旁系血亲关系',
        'Neither of us is married, and we are not related by blood within three generations',
      ),
      consentDeclaration: declaration('双方完全自愿结婚', 'We both marry of our own free will'),
    },
    {
      applicant: { name: '张伟', idNumber: '330106198809123512', phone: '13757109876' },
      partner: { name: '刘婷', idNumber: '33010619920815262X', phone: '13906521234' },
      appointmentDate: '2026-12-08',
      noSpouseDeclaration: true,
      consentDeclaration: true,
    },
  ),
  layout: {
    pages: [
      applicantPage,
      { title: '对方当事人', 'x-title-en': 'Partner', sections: [{ title: '对方当事人', 'x-title-en': 'Partner', fields: ['partner.name', 'partner.idNumber', 'partner.phone'] }] },
      { title: '预约日期', 'x-title-en': 'Appointment', sections: [{ title: '预约', 'x-title-en': 'Appointment', fields: ['appointmentDate'] }] },
      { title: '声明', 'x-title-en': 'Declarations', sections: [{ title: '声明', 'x-title-en': 'Declarations', fields: ['noSpouseDeclaration', 'consentDeclaration'] }] },
    ],
  },
  prefill: { ...APPLICANT_PREFILL },
};

/** 教师资格认定 (010150010000): 《教师法》第十三条, 《教师资格条例》第十三条. */
export const TEACHER_QUALIFICATION: FormDefinition = {
  version: 1,
  minimumLevel: 2,
  schema: formSchema(
    '教师资格认定申请',
    'Teacher qualification',
    {
      applicant: applicant(),
      qualification: group('申请认定的资格', 'Qualification applied for', {
        kind: choice('资格种类', 'Kind', [
          ['kindergarten', '幼儿园教师资格', 'Kindergarten'],
          ['primary', '小学教师资格', 'Primary school'],
          ['junior_secondary', '初级中学教师资格', 'Junior secondary school'],
          ['senior_secondary', '高级中学教师资格', 'Senior secondary school'],
          ['vocational', '中等职业学校教师资格', 'Vocational secondary school'],
        ]),
        subject: text('任教学科', 'Subject', { max: 50 }),
      }),
      education: group('学历', 'Education', {
        level: choice('最高学历', 'Highest degree', EDUCATION),
        school: text('毕业学校', 'University or college', { max: 100 }),
        major: text('所学专业', 'Major', { max: 50 }),
        graduatedOn: date('毕业日期', 'Graduation date'),
      }),
      mandarinLevel: choice('普通话水平测试等级', 'Putonghua test level', [
        ['1A', '一级甲等', 'Level 1-A'],
        ['1B', '一级乙等', 'Level 1-B'],
        ['2A', '二级甲等', 'Level 2-A'],
        ['2B', '二级乙等', 'Level 2-B'],
      ]),
      examCertificate: text('考试合格证明编号', 'Exam pass certificate number', {
        max: 30,
        pattern: '^[0-9A-Z]{8,30}$',
        hint: ['中小学教师资格考试合格证明上的编号', 'The number on the national teacher exam pass certificate'],
      }),
      declaration: TRUTH,
    },
    {
      applicant: { name: '赵雨桐', idNumber: '330105199504200087', phone: '15088701234' },
      qualification: { kind: 'junior_secondary', subject: '数学' },
      education: { level: 'bachelor', school: '浙江师范大学', major: '数学与应用数学', graduatedOn: '2017-06-30' },
      mandarinLevel: '2A',
      examCertificate: '2026330010123456',
      declaration: true,
    },
  ),
  layout: {
    pages: [
      applicantPage,
      { title: '资格种类与学科', 'x-title-en': 'Qualification', sections: [{ title: '资格', 'x-title-en': 'Qualification', fields: ['qualification.kind', 'qualification.subject'] }] },
      {
        title: '学历',
        'x-title-en': 'Education',
        sections: [{ title: '学历', 'x-title-en': 'Education', fields: ['education.level', 'education.school', 'education.major', 'education.graduatedOn'] }],
      },
      {
        title: '证明与声明',
        'x-title-en': 'Certificates and declaration',
        sections: [{ title: '证明', 'x-title-en': 'Certificates', fields: ['mandarinLevel', 'examCertificate', 'declaration'] }],
      },
    ],
  },
  prefill: { ...APPLICANT_PREFILL },
};

