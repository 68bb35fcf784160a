import { describe, expect, it } from 'vitest';
import type { Material } from '../catalog/index.js';
import { materialIdOf, materialRequirements } from './item-form.js';

const material = (name: string, extra: Partial<Material> = {}): Material => ({
  name,
  kind: 'original',
  form: 'electronic',
  required: true,
  sourceChannel: 'applicant',
  copies: 1,
  ...extra,
});

describe('material requirements', () => {
  it('names each by a stable id from its name, whatever its position', () => {
    const a = materialRequirements([material('经营者居民身份证'), material('经营场所使用证明', { required: false })]);
    const b = materialRequirements([material('经营场所使用证明', { required: false }), material('经营者居民身份证')]);
    expect(a[0]!.id).toBe(b[1]!.id);
    expect(a[1]!.id).toBe(b[0]!.id);
    expect(a[0]!.id).toMatch(/^mat_[0-9a-f]{12}$/);
    expect(a[0]!.id).not.toBe(a[1]!.id);
    expect(a[1]).toEqual({ id: materialIdOf('经营场所使用证明'), name: '经营场所使用证明', required: false });
  });

  it('tells apart two materials of the same name, and carries the licence type when the catalogue names one', () => {
    const list = materialRequirements([material('照片'), material('照片'), material('营业执照', { licenceType: '11100000000013338W011' })]);
    expect(list.map((m) => m.id)).toEqual([materialIdOf('照片'), `${materialIdOf('照片')}_2`, materialIdOf('营业执照')]);
    expect(list[2]!.licenceType).toBe('11100000000013338W011');
    expect('licenceType' in list[0]!).toBe(false);
  });
});
