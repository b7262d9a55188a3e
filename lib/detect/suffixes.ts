// The inflection data: which endings a name may carry in English, Russian and Kazakh (read by inflect.ts).
//
// Written in ordinary spelling; inflect.ts folds them with the same table as the text, so Kazakh
// allomorphs collapse (ғ/г, қ/к, і/и...) and vowel harmony needs no rule of its own: both harmonic
// variants are listed, since Kazakh writers attach either to Russian-origin surnames (Әблязовке).

/** A Russian declension: which nominative ending the stem drops, and the endings it then takes. */
export interface RuParadigm {
  name: string;
  /** Word endings (folded spelling is applied later) that select this paradigm; '' = consonant-final. */
  drops: string[];
  /** How many letters of the word the stem drops (Тулесова → Тулесов drops 1; Демократический drops 2). */
  strip: number;
  /** Endings that follow the stem, the nominative one included. */
  endings: string[];
}

/** Russian paradigms, most specific first (inflect.ts picks the first whose `drops` ends the word). */
export const RU_PARADIGMS: RuParadigm[] = [
  {
    // Nouns and first names in -дий, -рий, -лий decline as nouns, not adjectives: Геннадий, Геннадия, Геннадию;
    // мораторий, моратория. (Adjectives in -ий end in -кий, -гий, -хий, -ний or a husher.)
    name: 'ru-iy-noun',
    drops: ['дий', 'рий', 'лий'],
    strip: 2,
    endings: ['ий', 'ия', 'ию', 'ием', 'ии', 'иев', 'иям', 'иями', 'иях'],
  },
  {
    // Adjectives in names: Демократический выбор, Социал-демократическая партия; plural after к, г, х and
    // the hushers (Октябрьские события → Октябрьских событий), where a bare -ие would be a noun (движение).
    name: 'ru-adj',
    drops: ['ый', 'ий', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые', 'кие', 'гие', 'хие', 'жие', 'шие', 'чие', 'щие'],
    strip: 2,
    endings: ['ый', 'ий', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ом', 'ем', 'ую', 'юю', 'ых', 'их', 'ыми', 'ими', 'ей'],
  },
  {
    // Feminine surnames: Тулесова, Тулесовой, Тулесову, Тулесовою (not the noun endings -и, -е).
    name: 'ru-fem-surname',
    drops: ['ова', 'ева', 'ёва', 'ина', 'ына'],
    strip: 1,
    endings: ['а', 'ой', 'ою', 'у', 'ы'],
  },
  {
    // Nouns in -ие/-ье: движение, движения, движению, движением, движении.
    name: 'ru-ie',
    drops: ['ие', 'ье'],
    strip: 2,
    endings: ['ие', 'ия', 'ию', 'ием', 'ии', 'ья', 'ью', 'ьем', 'ье', 'ьи', 'ий'],
  },
  {
    // Feminine nouns and names in -а: партия is -я; Дарига, Дариги, Дариге, Даригу, Даригой.
    name: 'ru-a',
    drops: ['а'],
    strip: 1,
    endings: ['а', 'ы', 'и', 'е', 'у', 'ой', 'ою', 'ам', 'ами', 'ах'],
  },
  {
    name: 'ru-ya',
    drops: ['я'],
    strip: 1,
    endings: ['я', 'и', 'е', 'ю', 'ей', 'ею', 'й', 'ям', 'ями', 'ях'],
  },
  {
    // Soft sign nouns: Кремль, Кремля.
    name: 'ru-soft',
    drops: ['ь'],
    strip: 1,
    endings: ['ь', 'я', 'ю', 'ем', 'е', 'и', 'ей', 'ям'],
  },
  {
    // Names in -й after a vowel: Мамай, Мамая, Мамаю, Мамаем; Балтабай, Балтабая (й folds to и, hence the spelling).
    name: 'ru-short-i',
    drops: ['ай', 'яй', 'ей', 'уй', 'юй'],
    strip: 1,
    endings: ['й', 'я', 'ю', 'ем', 'е', 'и', 'ям', 'ями', 'ях', 'ев'],
  },
  {
    // Neuter nouns in -ство in names: Международное партнёрство, Национальное агентство (-ства, -ству, -ством, -стве).
    name: 'ru-neut-stvo',
    drops: ['ство'],
    strip: 1,
    endings: ['о', 'а', 'у', 'ом', 'е'],
  },
  {
    // Plural nouns in -ы in names: Репортёры без границ, Репортёров, Репортёрам, Репортёрами.
    name: 'ru-plural',
    drops: ['ры', 'ты', 'ны', 'лы', 'ды', 'вы'],
    strip: 1,
    endings: ['ы', 'и', 'ов', 'ам', 'ами', 'ах'],
  },
  {
    // Plural nouns of agents in -тели: Свидетели Иеговы, Свидетелей, Свидетелям; Представители, Представителей.
    name: 'ru-plural-soft',
    drops: ['тели'],
    strip: 1,
    endings: ['и', 'ей', 'ям', 'ями', 'ях'],
  },
  {
    // Plural nouns in -и after к, г, х: Земельные митинги, митингов, митингам (spelling rule: never -ы there).
    name: 'ru-plural-velar',
    drops: ['ги', 'ки', 'хи'],
    strip: 1,
    endings: ['и', 'ов', 'ам', 'ами', 'ах'],
  },
  {
    // Consonant-final masculine names and nouns: Аблязов, Аблязова, Аблязову, Аблязовым, Аблязове.
    // Not -ой: Назарбаевой is Dariga Nazarbayeva, never Nursultan.
    name: 'ru-cons',
    drops: [''],
    strip: 0,
    endings: ['', 'а', 'у', 'ом', 'ым', 'е', 'ы', 'и', 'ов', 'ам', 'ами', 'ах', 'ых', 'ыми', 'ем', 'ей', 'ю', 'я'],
  },
];

/** Vowels that end a Russian word left undeclined (Кабири, Душанбе, Жанаозен is consonant). */
export const RU_INDECLINABLE_ENDS = 'оеиуыэю';

/** Kazakh morphemes in order of attachment; each slot optional. Both harmony variants listed. */
export const KK_SLOTS: string[][] = [
  // plural
  ['лар', 'лер', 'дар', 'дер', 'тар', 'тер'],
  // possessive
  ['ы', 'і', 'сы', 'сі', 'ым', 'ім', 'м', 'ың', 'ің', 'ң', 'ымыз', 'іміз', 'мыз', 'міз', 'ыңыз', 'іңіз', 'ңыз', 'ңіз'],
  // case (after a possessive the n-forms: -ына, -ын, -ында, -ынан)
  [
    'ның', 'нің', 'дың', 'дің', 'тың', 'тің', // genitive
    'ға', 'ге', 'қа', 'ке', 'на', 'не', 'а', 'е', // dative
    'ны', 'ні', 'ды', 'ді', 'ты', 'ті', 'н', // accusative
    'да', 'де', 'та', 'те', 'нда', 'нде', // locative
    'дан', 'ден', 'тан', 'тен', 'нан', 'нен', // ablative
    'мен', 'бен', 'пен', 'менен', 'бенен', 'пенен', // instrumental
    'ша', 'ше', 'дай', 'дей', 'тай', 'тей', // similative
  ],
  // relative adjective after a locative (Қазақстандағы) and the possessive -кі (Назарбаевтікі)
  ['ғы', 'гі', 'қы', 'кі'],
];


/**
 * Kazakh offences are named by a verbal noun in -у (тарату, қоздыру, қатысу); the press also names them by the
 * past participle with a possessive (жалған ақпарат таратқаны үшін, ұйымға қатысқанын).
 */
export const KK_PARTICIPLES: string[] = ['ған', 'ген', 'қан', 'кен', 'маған', 'меген', 'баған', 'беген', 'паған', 'пеген'];

/**
 * The finite past, third person, as the word's whole ending: a charge is reported with it (оны алауыздықты
 * қоздырды деп айыптады, жалған ақпарат таратты деп танып), the offence described as a mention of its article.
 * The phrases are legal formulas that need their country's context, so a finite verb there is the charge.
 */
export const KK_FINITE_PAST: string[] = ['ды', 'ді', 'ты', 'ті'];

/** Kazakh Latin spelling of the Cyrillic morphemes (2018 and 2021 alphabets fold to the same letters). */
export const KK_CYR_TO_LAT: Record<string, string> = {
  'а': 'a', 'ә': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'ғ': 'g', 'д': 'd', 'е': 'e', 'ж': 'j', 'з': 'z',
  'и': 'i', 'й': 'i', 'к': 'k', 'қ': 'q', 'л': 'l', 'м': 'm', 'н': 'n', 'ң': 'n', 'о': 'o', 'ө': 'o',
  'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ұ': 'u', 'ү': 'u', 'ф': 'f', 'х': 'h', 'һ': 'h',
  'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'sh', 'ы': 'y', 'і': 'i', 'э': 'e', 'ю': 'iu', 'я': 'ia',
};

/** English endings on names: plurals and possessives (the apostrophe folds away: Ablyazov's → ablyazovs). */
export const EN_ENDINGS: string[] = ['', 's', 'es'];

/** Russian endings allowed after a hyphen on acronyms and numbers (ДВК-шный is rare; keep the case endings). */
export const RU_HYPHEN_ENDINGS: string[] = ['а', 'у', 'ом', 'е', 'ы', 'ов'];

/** Words shorter than this (in letters) take no glued Russian or Kazakh ending, only a hyphenated one: Оян is not Оянды. */
export const MIN_STEM_FOR_GLUED = 4;
