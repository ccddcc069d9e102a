/**
 * The example casusbesprekingen shipped in knowledge/casusbesprekingen: made up, written without
 * personal data and reviewed by hand. They are stored exactly as written, because the anonymiser
 * would mistake some of their words for names (the authors in a "Bron:" line, a company such as
 * Marktplaats, "Algemene" in the "(Algemene richtlijn, …)" marker) and turn cited sentences into
 * nonsense. Only these exact bytes pass: a sample edited by a team, a copy with one letter
 * changed, and every other case document go through the anonymiser.
 *
 * After reviewing a changed sample: `cd knowledge/casusbesprekingen && sha256sum *.md`.
 */
const REVIEWED = `
3414bc2af7c7be7781c9e4e31d34da281d35d8a06f1b1ff8c6ec0c35fbf9ca57  aanbieder-werft-voor-dagbesteding.md
0a5ff016a458e19faf59fdba3cda2cffaebd8ef957fab5c429f4f3162d707228  afschalen-begeleiding-na-beroerte.md
b3b3a8e6fe77e8871fac781fdc33a0215608a5f95485b397013a2abfbf034e95  belastingbeslag-sociale-raadslieden.md
bd654b478c68643907f50bd288e1baefe4171dcb72908633e93bd5a3f4f9a6e1  betalingsachterstanden-spreekuur-in-de-wijk.md
8f019e3179a358bfe721b1006963e305d92f58cf50238f47903c625ebfe769d7  een-hulpvraag-meer-problemen.md
28a779a5b67858ccdc1bf380828b002701d940864666bb0f2c5cf91d6239dcc2  eenzaamheid-dagbesteding.md
a7868c0d55d0a0486ad6747e60af880183cde60bdfbfab843f6fa968b1b3f2a4  gezin-met-schulden-school-wil-sneller.md
2e13a74a41a2ebd9ed5dc130799876665a24b9c207436d3a7649c6a9c1b12def  hennep-in-huurwoning.md
e9549dd136a0d2cf6630106174875f953ffcae51e7c60426aa46dc38f0933ec4  huishoudelijke-hulp-afgewezen-bezwaar.md
7d75d9985291defcf7339c86fd6cc92327754384f0f68b0d158c82b05af4ba8b  huishoudelijke-hulp-buiten-de-kaders.md
8698a2ee86d27c035df162741d1acd9b91846acd1962a2b41d1908a27c27571f  huishoudelijke-hulp-netwerk-niet-uitgevraagd.md
82d533e464e127bcc0335b7c20e8b571ee2d03608475176ec74334d3dc007489  inwoner-spreekt-alleen-turks.md
026a457e82af2cf8e5c6304506d5e0a7910240cec552927cc1509d18de38f0e9  jonge-moeder-opvoedvraag.md
820c15acceb2a5881472179ae9f8d41fde3de7fe150dc847253af455933eafe1  netwerk-betrekken-bij-geldzorgen.md
8df8a50907e4d817eaff379c855c4c1941b37236036389fff1460d3698f73765  schulden-met-gokprobleem.md
65786edee970e258c53323110b502a6f4cc6d0f65dfb416c2dc61f48a50221cd  tweedehands-hulpmiddel.md
cee4766831097cdaf59adf14da389db231da39b070cd79184345280637cf4276  vechtscheiding-jeugdbeschermingstafel.md
4a2ee8b7e8c2e90abc3b0abdf4cfb747dc783775f9b2d3631c3fe8bc7c2bab03  verantwoording-meer-dan-cijfers.md
cea6d36b7c2f4c7b3bf036b596b43eb6d23551091eea68296f44f8817955cda3  vergoeding-bij-partner-precedent.md
4c868c49ba3f2863e1af551732935b824cd195a32afb467b8ae75f565c4eafd5  vermoeden-van-uitkeringsfraude.md
08108c2425bcdfd23d00a73be9aa168a15b6da46091e810738064c4ee9344f77  zwangere-jonge-vrouw-zonder-netwerk.md
`;

export const REVIEWED_SAMPLES: ReadonlySet<string> = new Set(
  REVIEWED.trim()
    .split('\n')
    .map((line) => line.split(/\s+/)[0]!),
);
