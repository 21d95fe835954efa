/**
 * Words that are also the names of some populated place somewhere but, written alone,
 * are far more often ordinary words of English, French or Arabic news copy. A single-word
 * mention whose folded form is in this set is not a place; multi-word names are unaffected
 * ("Said" is dropped, "Port Said" is kept). Folded forms (see normalize.ts) are listed, so
 * "Police" is "police", "Mai" is "mai".
 */
import { foldToken } from './normalize.ts';

const LATIN = `
a an the of in on at to for from by with without into onto over under after before during about around near
and or but nor so yet if then than that this these those there here where when while who whom whose which what
why how all any both each few more most other some such no not only own same too very can will just should now
is are was were be been being have has had do does did done said says say told tell according also however
he she it we they you i me him her us them his its our their my your one two three four five six seven eight
nine ten first second third last next new old good great big little long high low early late per via
mr mrs ms dr sir lord saint st mount gen lt col maj capt cpt sgt adm cdr brig gov sen rep jr sr
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
lundi mardi mercredi jeudi vendredi samedi dimanche
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
le la les un une des du de d l au aux en dans sur sous par pour avec sans chez entre vers contre selon depuis
et ou mais donc car ni que qui quoi dont ce cet cette ces son sa ses leur leurs mon ma mes notre nos votre vos
il elle ils elles nous vous on je tu se ne pas plus moins tres bien tout tous toute toutes autre autres meme
est sont etait ete etre avoir a ont avait fait dit selon apres avant lors pendant
police army military government state states security forces force union nation nations national
president minister ministry general commander official officials spokesman spokeswoman agency press news
islamic islam muslim christian church mosque god allah jihad jihadist jihadists militant militants
africa asia europe america americas sahara middle east west north south central western eastern northern southern
command africom centcom pentagon congress senate house white court justice liberty freedom independence victory
peace hope progress unity republic kingdom democratic people popular federal royal imperial
man men woman women boy girl child children family friend friends brother sister son father mother
bat bay rock hill hills river lake sea ocean island islands valley park garden gardens bridge station camp
market school hospital center centre city town village district province region area zone border
post office port airport base fort castle palace tower
bas haut moyen marine marines navy naval green red white black blue yellow mission embassy zone ministry department command council
reuters afp ap bbc cnn media press cross crescent major minor
drone drones strike strikes airstrike airstrikes attack attacks raid raids bomb bombs missile missiles
tribe tribes clan clans
brits shabab shabaab qaeda taliban haqqani houthi houthis daesh hezbollah hamas ansar barkhane wagner amisom nato isis isil aqim aqap jnim
said many much several another every
`;

/** Arabic function words and common verbs of news copy (folded: no article, unified letters). */
const ARABIC = `
في من على الى إلى عن مع قال قالت ان أن إن كان كانت التي الذي الذين هذا هذه ذلك تلك بعد قبل حيث كما او أو ثم
لم لن قد وقد هو هي هم نحن انه أنه انها أنها بين حتى عند منذ خلال ضد نحو لدى غير بعض كل اي أي وفي ومن وعلى
يوم اليوم امس أمس مساء صباح ليل ليله شخص اشخاص قتلى قتيل جرحى جريح غاره غارات طائره طائرات مدينه قريه منطقه
محافظه ولايه بلده جيش قوات حكومه وزاره وزير رئيس مسؤول مصادر مصدر بيان تنظيم داعش القاعده
`;

/** Multi-word names that news copy almost always means as something else. */
export const NON_PLACES: ReadonlySet<string> = new Set(
  ['White House', 'Green Zone', 'Oval Office', 'Capitol Hill'].map((n) => n.split(' ').map((w) => foldToken(w)).join(' ')),
);

export const STOPWORDS: ReadonlySet<string> = new Set(
  [...LATIN.split(/\s+/), ...ARABIC.split(/\s+/)].filter(Boolean).map((w) => foldToken(w)),
);
