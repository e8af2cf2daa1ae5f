import { z } from 'astro/zod';

/** Officially assigned ISO 3166-1 alpha-2 codes (249). Display names come from `Intl.DisplayNames`. */
const ISO_3166_1_ALPHA_2 = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** Every officially assigned ISO 3166-1 alpha-2 code, in alphabetical order. */
export const COUNTRY_CODES: readonly string[] = [...ISO_3166_1_ALPHA_2];

/** True for an officially assigned ISO 3166-1 alpha-2 code such as "KR". */
export function isCountryCode(value: string): boolean {
  return ISO_3166_1_ALPHA_2.has(value);
}

/** An ISO 3166-1 alpha-2 country code, upper case, e.g. "KR" for South Korea. */
export const countrySchema = z
  .string({ error: 'expected a two-letter ISO 3166-1 country code such as "KR"' })
  .refine(isCountryCode, { error: 'expected a two-letter ISO 3166-1 country code such as "KR", "CN" or "HU"' });

export type CountryCode = z.output<typeof countrySchema>;
