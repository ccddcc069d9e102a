/**
 * Word lists used by the rules in src/privacy/detect. All hand-written. Entries are lowercase unless noted;
 * whitespace separates entries, a '_' inside an entry stands for a space.
 */

/** Forms of address and titles. They trigger a name but are never part of its span. */
export const TITLES = `
mevrouw mevr mevr. mw mw. mvr mvr. mej mej. mejuffrouw juffrouw meneer mnr mnr. mijnheer menheer heer
dhr dhr. hr hr. mr mr. dr dr. drs drs. ir ir. ing ing. prof prof. ds ds. fam fam. familie wed wed. weduwe
zr zr. br br. pastoor dominee imam pater zuster broeder gezin bsc msc
`;

/**
 * Words naming a relation or a role. Directly followed by a capitalised word they introduce a
 * person ("moeder Fatima", "buurman Henk", "juf Anna").
 */
export const ROLE_WORDS = `
moeder vader mama papa mam pap ouder zoon dochter zoontje dochtertje kind kindje baby broer broertje
zus zusje zuster oma opa tante oom neef nicht nichtje neefje buurman buurvrouw buurjongen buurmeisje
vriend vriendin vriendje vriendinnetje partner man vrouw echtgenoot echtgenote ex ex-partner ex-man
ex-vrouw ex-vriend ex-vriendin schoonmoeder schoonvader schoonzoon schoondochter schoonzus zwager
stiefvader stiefmoeder stiefzoon stiefdochter pleegmoeder pleegvader pleegzoon pleegdochter pleegkind
kleinzoon kleindochter kleinkind grootmoeder grootvader halfbroer halfzus tweelingbroer tweelingzus
verloofde vriendje collega mentor begeleider begeleidster juf meester leerkracht docent docente
huisarts dokter cliënt client cliente cliënte bewoner bewoonster inwoner inwoonster mantelzorger
bewindvoerder curator contactpersoon casemanager wijkverpleegkundige trajectbegeleider coach
hulpverlener zorgverlener jongen meisje jongeman tiener puber peuter kleuter student studente
leerling overbuurman overbuurvrouw huisgenoot huisgenote kamergenoot jeugdarts psycholoog
psychiater therapeut klasgenoot klasgenote werkgever baas verhuurder huisbaas wijkagent
directeur directrice manager wethouder notaris advocaat advocate rechter agent verpleegkundige leraar
lerares schoolleider conciërge jongerenwerker opbouwwerker buurtwerker
`;

/** Verbs and phrases after which a name follows: "heet Kees", "genaamd Roos". */
export const NAMING_WORDS = `heet heten noemt genaamd genoemd alias naam roepnaam voornaam achternaam`;

/** Tussenvoegsels and name particles that may sit inside or before a surname. */
export const PARTICLES = `
van de der den het 't te ten ter op in von zu la le du da di del della dos das el al ben bin ibn bint
abu abou ait aït bou ou
`;

/** Particles that count as a name start when capitalised before a surname ("El Amrani", "Van Dijk"). */
export const CAP_PARTICLES = `van de der den ten ter el al ben bin ibn abu abou ait aït bou von la le du da di`;

/** Name suffixes kept inside the span. */
export const NAME_SUFFIXES = `jr jr. sr sr. junior senior`;

/**
 * Capitalised words that are never a person name on their own: institutions, laws, methods,
 * products, languages, holidays, weekdays and months written with a capital, and so on.
 */
export const STOP_WORDS = `
wmo wlz zvw jeugdwet participatiewet wet ggd ggz veilig thuis sonestra wijkteam wijkteams buurtteam
sociaal sociale wijkcoach wijkcoaches gemeente gemeenten rijk overheid voedselbank humanitas leger heils
kwadraad mee uwv svb cak cjib duo ind coa belastingdienst toeslagen digid mijnoverheid zorgverzekeraar
netwerkkompas drieluik levenslijn familienetwerkberaad actieteam verhaal handboek bijstand aow anw wajong
wia ww pgb zin schuldhulp schuldhulpverlening jeugdbescherming kinderbescherming raad rechtbank politie
huisarts ziekenhuis kliniek centrum stichting school basisschool college lyceum universiteit hogeschool
nederland nederlands nederlandse turks turkse turkije marokko marokkaans marokkaanse syrië syrisch
syrische eritrea eritrees eritrese somalië somalisch somalische pools poolse polen suriname surinaams
surinaamse antilliaans antilliaanse arabisch arabische berbers koerdisch engels engelse franse
duits duitse spaans russisch oekraïens oekraïense roemeens bulgaars afghaans afghaanse iraans iraanse
irak iraaks iraakse europa europese afrika azië amerika islam islamitisch islamitische christelijk
christelijke katholiek katholieke protestants joods ramadan suikerfeest offerfeest kerst kerstmis pasen
pinksteren hemelvaart sinterklaas koningsdag oudjaar nieuwjaar god allah jezus koran bijbel moskee kerk
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart juni juli
augustus september oktober november december teams slack whatsapp facebook instagram google microsoft
outlook excel word zoom signal tiktok youtube corona covid covid-19 zorgkaart thuiszorg university
press publishing journal books
lidl aldi jumbo plus action hema kruidvat etos blokker ikea coop spar dirk vomar hoogvliet bol bol.com
lentis cordaan pameijer arkin parnassia dimence mondriaan altrecht yulius lister emergis gga ggnet
pluryn amarant reinaerde ipse zorggroep buurtteams buurtteam buurtgezinnen jeugd roc mbo hbo kringloop
tigrinya somali dari farsi pashto tamazight papiaments sranantongo hindi urdu amhaars amhaars
oud nieuw signs safety eigen kracht nibud reclassering vluchtelingenwerk kinderombudsman ombudsman
sharepoint teamleider jaarplanning schuldhulpmaatje omgevingswet wajong gespreksvoering motiverende
noord zuid oost west noordoost noordwest zuidoost zuidwest centrum binnenstad
u ik jij je hij zij wij we jullie ze het de een dit dat deze die wat wie waar hoe waarom wanneer welke
hallo hoi hey hi beste dag goedemorgen goedemiddag goedenavond groet groeten groetjes dank
bedankt alvast ja nee oké ok prima graag svp
vraag antwoord notitie verslag samenvatting casus casusbespreking intervisie teamoverleg agenda actie
acties afspraak afspraken doel doelen plan zorgplan ondersteuningsplan indicatie beschikking melding
advies situatie aanleiding hulpvraag conclusie besluit vervolg stand update sint st
gesprek melding reactie adreswijziging terugbelverzoek zorgen dossier intake huisbezoek contact
evaluatie overdracht aanmelding telefoon mail bericht brief verslag team kantoor bewindvoering
opvang dagbesteding jongerenloket loket buurtkamer wijkcentrum buurthuis politie huisartsenpost
`;

/** Function words and common adverbs; capitalised only because a sentence starts with them. */
export const FUNCTION_WORDS = `
daarna daarom daarbij daarnaast daardoor dan toen ook maar want verder morgen gisteren vandaag straks
later eerder vanochtend
eerst nu nog al toch wel niet geen er hier daar na volgens tijdens omdat als wanneer zodra nadat
voordat terwijl hoewel of en kunnen kun kunt kan wil wilt mag moet moeten zal zullen zou zouden
heeft hebben had hadden is was zijn waren wordt worden werd werden mijn jouw zijn haar ons onze hun
uw iemand niemand iedereen alles niets veel weinig minder elke ieder iedere alle sommige
binnenkort vanmorgen vanmiddag vanavond vannacht inmiddels intussen tenslotte uiteindelijk eigenlijk
misschien waarschijnlijk helaas gelukkig zeker volgende vorige afgelopen komende bovendien tevens
echter dus zoals bij met van voor door over onder tussen tegen zonder naast achter boven sinds tot
vanaf via per om rond namens ondanks wegens binnen buiten welk welke waarom hoeveel hoelang
graag even goed slecht nieuw nieuwe
`;

/** Multi-word names of organisations, places and things that contain name-like words. */
export const STOP_PHRASES = `
albert_heijn veilig_thuis leger_des_heils william_schrikker william_schrikker_groep vincent_van_gogh
jeroen_bosch reinier_de_graaf reinier_van_arkel prinses_maxima prinses_máxima maxima_mc máxima_mc
sint_maartenskliniek emma_kinderziekenhuis wilhelmina_kinderziekenhuis sophia_kinderziekenhuis
juliana_kinderziekenhuis antonius_ziekenhuis catharina_ziekenhuis martini_ziekenhuis zilveren_kruis
raad_voor_de_kinderbescherming den_haag den_bosch den_helder sint_jan rode_kruis het_rode_kruis
jan_van_goyen anne_frank marie_curie maria_montessori willem_alexander
`;

/** Words that, following a name-like run, show the run names an organisation or a building. */
export const ORG_TAIL_WORDS = `
ziekenhuis kinderziekenhuis kliniek centrum stichting school college lyceum gymnasium huis fonds groep
instituut academie zorg kerk moskee zaal paviljoen mc umc apotheek praktijk bibliotheek park plein
`;

/** Dutch municipalities, cities and large neighbourhoods (capitalised words that are places). */
export const PLACES = `
amsterdam rotterdam utrecht eindhoven groningen tilburg almere breda nijmegen apeldoorn haarlem arnhem
enschede amersfoort zaanstad haarlemmermeer zwolle zoetermeer leiden leeuwarden maastricht dordrecht
ede alphen westland alkmaar emmen delft venlo deventer sittard helmond oss amstelveen hilversum
sudwest-fryslân heerlen hengelo purmerend roosendaal schiedam lelystad leidschendam almelo gouda
hoorn vlaardingen assen velsen capelle veenendaal katwijk zeist nieuwegein bergen roermond
doetinchem gooise barneveld hoofddorp spijkenisse kampen harderwijk heerhugowaard hardenberg
woerden den_helder middelburg vlissingen goes terneuzen bergen_op_zoom etten-leur oosterhout waalwijk
veldhoven weert venray uden veghel boxtel best valkenswaard geldrop nuenen waalre heeze kerkrade
brunssum geleen landgraaf zutphen winterswijk tiel culemborg houten ijsselstein vianen wageningen
veenendaal rhenen renkum oosterbeek wijchen druten cuijk boxmeer gennep meppel hoogeveen coevorden
steenwijk kampen dronten urk emmeloord heerenveen drachten sneek harlingen franeker dokkum bolsward
delfzijl veendam winschoten stadskanaal hoogezand haren zuidhorn leek roden beilen borger gieten
diemen duivendrecht weesp abcoude ouder-amstel aalsmeer uithoorn castricum heemskerk beverwijk
ijmuiden zandvoort heemstede bloemendaal hillegom lisse noordwijk sassenheim oegstgeest voorschoten
wassenaar rijswijk pijnacker nootdorp ridderkerk barendrecht albrandswaard maassluis hellevoetsluis
brielle gorinchem papendrecht zwijndrecht sliedrecht alblasserdam krimpen waddinxveen bodegraven
nieuwkoop montfoort oudewater baarn soest bunschoten eemnes leusden nijkerk putten ermelo epe heerde
hattem elburg oldebroek raalte ommen dalfsen hellendoorn rijssen wierden twenterand tubbergen dinkelland
losser oldenzaal borne haaksbergen eibergen neede lochem gorssel voorst brummen rheden rozendaal
zevenaar duiven westervoort lingewaard overbetuwe neder-betuwe buren lingewaal zaltbommel
maasdriel heusden vught sint-michielsgestel schijndel meierijstad oisterwijk goirle hilvarenbeek
dongen gilze rijen drimmelen moerdijk zundert rucphen steenbergen woensdrecht halderberge
overvecht kanaleneiland lunetten hoograven zuilen leidsche_rijn vleuten tuindorp ondiep wittevrouwen
bijlmer bijlmermeer osdorp slotervaart geuzenveld nieuw-west noord-west zuidoost watergraafsmeer
jordaan oud-west spangen charlois feijenoord hillesluis crooswijk ijsselmonde ommoord prinsenland
delfshaven kralingen hoogvliet pendrecht schilderswijk transvaal moerwijk laak escamp loosduinen
scheveningen ypenburg strijp woensel gestel tongelre stratum selwerd vinkhuizen beijum lewenborg
paddepoel kolham bergeijk twente veluwe achterhoek randstad limburg brabant noord-brabant friesland drenthe zeeland gelderland overijssel flevoland holland noord-holland zuid-holland rijn maas ijssel waal schelde amstel vecht lek zaan dommel
`;

/** Place prepositions: a capitalised word right after them is a place rather than a person. */
export const PLACE_PREPOSITIONS = `in te uit naar nabij richting rond omgeving gemeente regio wijk stad dorp buurt provincie`;

/** Verb forms that often follow a person named at the start of a sentence ("Roos belde"). */
export const PERSON_VERBS = `
is was wordt werd heeft had woont woonde belt belde mailt mailde appt appte zegt zei vertelt vertelde
geeft gaf vindt vond kan kon moet moest mag mocht wil wilde zou zit zat werkt werkte krijgt kreeg komt
kwam gaat ging staat stond loopt liep voelt voelde weet wist ziet zag maakt maakte denkt dacht vraagt
vroeg zoekt zocht heb ben zijn hebben liet laat blijft bleef heeft huilt huilde lacht lachte slaapt sliep
verhuist verhuisde rookt drinkt speelt speelde leest schrijft schreef stuurt stuurde ontvangt ontving
meldt meldde gebruikt gebruikte geeft eet at kookt kookte klaagt klaagde reageert reageerde en
`;

/**
 * First names and surnames that are also everyday Dutch words. At the start of a sentence these
 * need extra evidence before they count as a name ("Hoop dat het lukt", "Bos en natuur").
 * Inside a sentence a capital letter is enough, since Dutch does not capitalise common nouns.
 */
export const AMBIGUOUS_NAMES = `
hoop roos mees lot bas frank floor fleur iris jade amber storm zomer lieve koning bakker visser boer
bos post groen klein kok mol vos wit zwart smit prins maas vink blom dekker kuiper schipper molenaar
brouwer koster kramer mulder smid timmerman schilder haan lange jong groot graaf ruiter leeuw wolf
vogel vis beer berg dam dijk veen meer laan wal pol broek heuvel hoek brink beek kamp bosch keizer
engel sterre maan ster riet els ton rob ben wil mark job max jet pip puck noor june joy april engel
kroon slot stam steen staal tuin veld winter zon zoet zwaan valk haas koch hart hof plas kort pos
spek vlug snel vrolijk baker king young green white brown hill long rose grace hope faith mai may
tan do lee lin long son ham es os lis pop wilk baran mazur boon palm ram rot schaap nagel bijl kool
`;

/** Very common words among the ambiguous ones: never a name at sentence start without a surname. */
export const VERY_COMMON_WORDS = `
hoop lot wil ben post bos klein groen wit zwart ton vis zon ster kan mag vos
es os ham son do may long hart plas kort spek vlug snel pos hof tuin veld slot steen staal winter
`;

/**
 * Surname cores that usually come with "de"/"den" ("de Vries", "den Adel"). Used to tell the
 * particle of a surname from an article: "op de Bruijnlaan" keeps "de", "aan de Kerkstraat" does not.
 */
export const DE_CORES = `
boer bruijn bruyn bruin graaf graaff groot haan jong jonge koning lange leeuw nijs ruiter vos vries wit
witt corte kok klerk clercq rooij rooy waal winter zwart beer bie goede heer hoog jager kleijn kruijf
kruif man meijer rijk roo vet wilde zeeuw geus munck regt ridder smet vreede visser adel kort
keizer kat mol hoop gier boom ruyter backer
`;

/**
 * Surname cores that usually come with "van"/"van de"/"van der"/"van den": mostly places and
 * landscape words. After a plain possessive "van" another surname is just a surname
 * ("de moeder van Jansen").
 */
export const VAN_CORES = `
dijk dyk berg bergh leeuwen dam beek vliet veen wijk dongen doorn loon horst meer linden heuvel broek
brink velde velden ven wal pol laan bosch heijden heyden hoek rijn es os eijk eijck kampen iersel
ginneken gogh houten zanten zon ham dalen hal vugt rossum sluis hulst straaten haren oord eck egmond
dyck damme lent gelder driel buren beers bemmel beuningen bommel delden dinther dorst gerwen helvoirt
hemert hooff hulten kempen kuyk lier luijk maanen mierlo noort ooijen raaij riel santen sluijs son
tilburg uden veghel weert woerkom zwam mierop ravesteijn spronsen staveren vlaardingen aken baalen
boxtel kessel meegeren oss steen hees hout berkel diepen arkel assen schie wijngaarden zuijlen
wetering vaart kolk poel ruit beuk akker kamp boom water graaf tol tuin woude bergen hoeven meulen
loo laar schaik eerden grift ham hattem hilst hoof hoorn kooten lint marle nes rhijn schaik sprang
velsen vossen wees zandt dool haar herk hooft hulsen kleef
`;

/** Endings of Dutch street names. */
export const STREET_SUFFIXES = `
straat str str. laan ln weg wg plein pln gracht kade singel dijk hof steeg dreef pad park plantsoen markt
dam baan wal haven veld kamp erf boulevard allee passage burgwal weide akker brink gaarde straatje
laantje vaart vliet wetering zijde zoom hoeve hout horst heuvel oord loop stede water waard schans
bolwerk poort pier hoven velden donk drift meent wei dwarsstraat straatweg rondweg ringweg dijkje terras
promenade kring hage heide esch es wijk berg rade lei gang kwartier kanaal binnenring buitenring
`;

/** Words that start a multi-word street name: "Laan van Meerdervoort", "Plein 1944". */
export const STREET_HEADS = `laan plein weg kade singel gracht dijk markt park hof burgwal straat boulevard`;

/** Capitalised words that may precede a street name inside it: "Burgemeester de Withstraat". */
export const STREET_PREFIXES = `
nieuwe oude korte lange groot grote klein kleine eerste tweede derde vierde burgemeester burg. dr. dr
prins prinses koningin koning sint st. st graaf gravin generaal president pastoor professor prof. prof
hertog hertogin kapitein admiraal jonkheer mr. mr ir. ir pater zuster hoge lage binnen buiten
achter voor noorder zuider ooster wester noordelijke zuidelijke
`;

/** Months, with their abbreviations. Value = month number. */
export const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, febr: 2, maart: 3, mrt: 3, mar: 3, april: 4, apr: 4, mei: 5,
  juni: 6, jun: 6, juli: 7, jul: 7, augustus: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10,
  okt: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/** Words before "N jaar" that make it a duration, not an age. */
export const DURATION_BEFORE = `
sinds al na voor binnen over elke per afgelopen laatste eerste komende maximaal minimaal max max. min
min. tot ruim periode termijn duur looptijd gedurende tijdens ieder iedere om nog zo'n zeker wel
`;

/** Words after "N jaar" that make it a duration or a frequency, not an age. */
export const DURATION_AFTER = `
geleden lang getrouwd samen gewerkt gewoond later eerder terug in bij met op aan onder zonder
werkzaam bekend werkloos ziek gescheiden weg bezig actief wachten gewacht nodig duren duurt duurde
verder achter vast voorwaardelijk cel gevangenis celstraf huur huurcontract contract garantie geldig
voor na te ingeschreven schulden schuld verslaafd dakloos alleen nadat daarna hiervoor geleden,
`;

/** Nouns for a person that can be followed by "van 14" to give an age. */
export const AGE_PERSON_NOUNS = `
jongen meisje man vrouw kind zoon dochter tiener puber baby peuter kleuter heer dame mevrouw meneer
cliënt client broer zus jongeman jongedame student leerling moeder vader oma opa dochtertje zoontje
kindje knul meid weduwe weduwnaar bewoner bewoonster inwoner inwoonster
`;

/** Labels after which a number is an identifier other than a BSN or phone number. */
export const OTHER_ID_LABELS = `
zaaknummer zaaknr dossiernummer dossiernr kenmerk referentie ref factuurnummer factuurnr klantnummer
klantnr cliëntnummer clientnummer registratienummer regnr ordernummer polisnummer relatienummer
debiteurnummer contractnummer aanvraagnummer meldingnummer ticketnummer ticket zaak dossier
volgnummer agb big kvk kvk-nummer btw btw-nummer pasnummer documentnummer paspoortnummer
`;

export function words(list: string): string[] {
  return list
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/_/g, ' '));
}
