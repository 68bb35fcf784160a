/** Form of 建设工程规划许可证核发 (010090010000): 《城乡规划法》第四十条. */
import type { FormDefinition } from '../model.js';
import { choice, decimal, declaration, formSchema, group, longText, mobile, text, uscc } from './fields.js';

export const CONSTRUCTION_PLANNING_PERMIT: FormDefinition = {
  version: 1,
  minimumLevel: 2,
  schema: formSchema(
    '建设工程规划许可申请',
    'Construction project planning permit',
    {
      builder: group('建设单位', 'Developer', {
        name: text('建设单位名称', 'Developer name', { max: 100 }),
        uscc: uscc(),
        contact: text('联系人', 'Contact person', { max: 50 }),
        phone: mobile('联系电话', 'Contact phone'),
      }),
      project: group(
        '建设项目',
        'Project',
        {
          name: text('项目名称', 'Project name', { max: 100 }),
          location: text('建设位置', 'Location', { max: 200 }),
          landDocument: text('用地批准文件编号', 'Land-use approval number', { max: 50, hint: ['如不动产权证书号或用地批准书编号', 'E.g. the real-estate title or land approval number'] }),
          use: choice('建设性质', 'Use', [
            ['residential', '居住', 'Residential'],
            ['commercial', '商业服务业', 'Commercial'],
            ['industrial', '工业', 'Industrial'],
            ['public', '公共管理与公共服务', 'Public services'],
          ]),
          floorArea: decimal('总建筑面积（平方米）', 'Total floor area (m²)', 1, 10000000),
          height: decimal('建筑高度（米）', 'Building height (m)', 1, 1000),
          designUnit: text('设计单位', 'Design institute', { max: 100 }),
          description: longText('建设内容说明', 'Description of the works', { max: 2000 }),
        },
        ['name', 'location', 'landDocument', 'use', 'floorArea', 'height', 'designUnit'],
      ),
      declaration: declaration('本单位承诺所填信息真实有效，并按批准的规划条件建设', 'We declare the information true and will build to the approved planning conditions'),
    },
    {
      builder: { name: '杭州西溪城建发展有限公司', uscc: '91330106MA2J0C5D9A', contact: '孙立', phone: '13588001234' },
      project: {
        name: '西湖区三墩镇社区服务中心新建工程',
        location: '浙江省杭州市西湖区三墩镇振华路以北、紫萱路以东',
        landDocument: '浙(2026)杭州市不动产权第0123456号',
        use: 'public',
        floorArea: 12850.5,
        height: 23.9,
        designUnit: '浙江省建筑设计研究院',
        description: '新建地上五层、地下一层社区服务中心一幢。',
      },
      declaration: true,
    },
  ),
  layout: {
    pages: [
      { title: '建设单位', 'x-title-en': 'Developer', sections: [{ title: '建设单位', 'x-title-en': 'Developer', fields: ['builder.name', 'builder.uscc', 'builder.contact', 'builder.phone'] }] },
      {
        title: '建设项目',
        'x-title-en': 'Project',
        sections: [
          { title: '项目与用地', 'x-title-en': 'Project and land', fields: ['project.name', 'project.location', 'project.landDocument', 'project.use'] },
          { title: '规模与设计', 'x-title-en': 'Size and design', fields: ['project.floorArea', 'project.height', 'project.designUnit', 'project.description'] },
        ],
      },
      { title: '承诺', 'x-title-en': 'Declaration', sections: [{ title: '承诺', 'x-title-en': 'Declaration', fields: ['declaration'] }] },
    ],
  },
  prefill: { 'builder.name': 'company.name', 'builder.uscc': 'company.uscc', 'builder.contact': 'person.name', 'builder.phone': 'person.phone' },
};
