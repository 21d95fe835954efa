/**
 * Short and everyday country names that i18n-iso-countries does not list in en/fr/ar
 * (it gives "Syrian Arab Republic", "États-Unis d'Amérique"). Common usage in news copy,
 * written for this project; keys are ISO2.
 */
export function extraCountryNames(): Record<string, string[]> {
  return {
    SY: ['Syria', 'Syrie', 'سورية'],
    US: ['United States', 'Etats-Unis', 'États-Unis', 'America', 'Amerika', 'أمريكا', 'أميركا', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الأميركية'],
    GB: ['Britain', 'Grande-Bretagne', 'Royaume-Uni', 'بريطانيا'],
    RU: ['Russia', 'Russie', 'روسيا'],
    IR: ['Iran', 'إيران'],
    KP: ['North Korea', 'Corée du Nord'],
    KR: ['South Korea', 'Corée du Sud'],
    TZ: ['Tanzania', 'Tanzanie'],
    PS: ['Palestine', 'Gaza Strip', 'West Bank', 'فلسطين'],
    CD: ['DR Congo', 'DRC', 'RDC', 'Congo-Kinshasa', 'Democratic Republic of Congo', 'RD Congo'],
    CG: ['Congo-Brazzaville'],
    CI: ["Côte d'Ivoire", 'Ivory Coast'],
    LY: ['Libye', 'ليبيا'],
    YE: ['Yemen', 'Yémen', 'اليمن'],
    AE: ['UAE', 'Emirates', 'Émirats arabes unis', 'الإمارات'],
    SA: ['Saudi Arabia', 'Arabie saoudite', 'السعودية'],
    TR: ['Turkey', 'Turquie', 'Türkiye', 'تركيا'],
    NL: ['Holland', 'Nederland'],
    VN: ['Vietnam', 'Viet Nam'],
    LA: ['Laos'],
    MD: ['Moldova'],
    BO: ['Bolivia'],
    VE: ['Venezuela'],
    CV: ['Cabo Verde'],
    CZ: ['Czech Republic'],
    MM: ['Myanmar', 'Burma', 'Birmanie'],
    SS: ['South Sudan', 'Soudan du Sud'],
    CF: ['Centrafrique', 'CAR'],
    BF: ['Burkina'],
  };
}
