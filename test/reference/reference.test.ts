import { describe, expect, it } from 'vitest';
import { countiesFile, municipalitiesFile, themesFile } from '../../server/reference/data-files.ts';
import { useTestService } from '../helpers/service.ts';

describe('reference data', () => {
  const { client } = useTestService();

  it('serves the theme vocabulary from the database, with Swedish labels', async () => {
    const { themes } = await client().data<{ themes: { id: string; key: string; label: string }[] }>('{ themes { id key label } }');
    expect(themes.map((t) => t.key).sort()).toEqual(themesFile().themes.map((t) => t.key).sort());
    const byKey = new Map(themes.map((t) => [t.key, t.label]));
    expect(byKey.get('andt')).toBe('ANDT');
    expect(byKey.get('motesplatser')).toBe('Mötesplatser');
    expect(byKey.get('sprak-och-utbildning')).toBe('Språk och utbildning');
    expect(new Set(themes.map((t) => t.id)).size).toBe(themes.length);
  });

  it('has all 21 län and 290 kommuner with their SCB codes', async () => {
    expect(countiesFile().counties).toHaveLength(21);
    const { municipalities } = await client().data<{ municipalities: { code: string; name: string; county: { code: string; name: string } }[] }>(
      '{ municipalities { code name county { code name } } }',
    );
    expect(municipalities).toHaveLength(290);
    expect(new Set(municipalities.map((m) => m.county.code)).size).toBe(21);
    const byCode = new Map(municipalities.map((m) => [m.code, m]));
    expect(byCode.get('1982')).toEqual({ code: '1982', name: 'Fagersta', county: { code: '19', name: 'Västmanlands län' } });
    expect(byCode.get('0767')).toEqual({ code: '0767', name: 'Markaryd', county: { code: '07', name: 'Kronobergs län' } });
    expect(byCode.get('2084')?.name).toBe('Avesta');
    expect(byCode.get('2083')?.name).toBe('Hedemora');
    expect(byCode.get('2034')?.county.code).toBe('20');
    expect(byCode.get('0180')?.name).toBe('Stockholm');
    expect(byCode.get('2584')?.county.name).toBe('Norrbottens län');
    expect(municipalities.every((m) => m.code.startsWith(m.county.code))).toBe(true);
    expect(municipalitiesFile().municipalities).toHaveLength(290);
  });

  it('filters kommuner by län', async () => {
    const { municipalities } = await client().data<{ municipalities: { code: string }[] }>(
      'query ($county: String) { municipalities(county: $county) { code } }',
      { county: '19' },
    );
    expect(municipalities).toHaveLength(10);
    expect(municipalities.map((m) => m.code)).toContain('1982');
  });
});
