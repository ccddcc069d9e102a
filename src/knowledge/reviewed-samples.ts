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
1a35e2fb30dab268c7339d1f3e7635088eb20e827f038fc1f3dca27b49f61ae3  aanbieder-werft-voor-dagbesteding.md
ed19c40cc73200366ddac7a3ee7057b23fa344f3428c7554a5d8aa965d3a5864  afschalen-begeleiding-na-beroerte.md
57305543464aafe1d750bc7352fc8b6298859fcf6bcd0a8931ddce91cb71221b  belastingbeslag-sociale-raadslieden.md
a8aff5669aa6a017b0be59a99f8ba6376caa40ce7ff7ad2f60259df3adb440eb  betalingsachterstanden-spreekuur-in-de-wijk.md
6988d6e63af5a2e270c08896409cb7356bb538c75bea13d1c5d57c885be51895  een-hulpvraag-meer-problemen.md
f95caa837a5d0309bb1d9e8766f3e0b2ea8729f5dee20241aef4821051a3e1e0  eenzaamheid-dagbesteding.md
ab96c1b5b3b716a08939d28bed9cc55ab688c5ab7750d014435dab48b65e1b5a  gezin-met-schulden-school-wil-sneller.md
b42c6d76947959d95020f4e81fb6165d03dc5f000ff40e6e0ae0432a1ca4326e  hennep-in-huurwoning.md
2951d583ce49ca05522cf6d36ab256bd49b143f178ab7cf73d30ff3724778e83  huishoudelijke-hulp-afgewezen-bezwaar.md
eb6fa350b24c5dcfd8c600cf384c56a899fc223543acdd0b11e31c55f7d964ea  huishoudelijke-hulp-buiten-de-kaders.md
623a264bc7286f4217fae28bc005415fd35eb8058e0cbf6bc6d29592b596ae8e  huishoudelijke-hulp-netwerk-niet-uitgevraagd.md
035259871445adfcdd693c446abd9d74e8997533c5cb21e7825a3a8132599cd2  inwoner-spreekt-alleen-turks.md
6dfe816ff5ef7593a8cf58358cd45dc3a94ed2a7171eff87b82acad804c8eba8  jonge-moeder-opvoedvraag.md
2d56d39f7667b85e78f172f99e1a5efae6e6f78296f9dc03c26fb29c40e0401d  netwerk-betrekken-bij-geldzorgen.md
7d72d2c39f406b98587967ebb2304a3e8ae6eb3a9c125e5d836c94da28adc790  schulden-met-gokprobleem.md
4d7fe5abd458fec149a184f6d0ba69377c2d5ee66166ada8bb305ed69ca3c9a1  tweedehands-hulpmiddel.md
acb086ef31b42ef075b24695c7a60de5425483950c860b9acbaba5332f13cd73  vechtscheiding-jeugdbeschermingstafel.md
e8d0df46e5cc29534baad3f6460d1d535460925280a53ddf82afe8c83602b6ff  verantwoording-meer-dan-cijfers.md
e3904fc85846d8fb4b3c2970899c2c6578e1c2d0b95dce50945c279a4a437cef  vergoeding-bij-partner-precedent.md
191df2b89bad519c490ef72448b1abac6e0e6a018796d33f54062de38386b1a3  vermoeden-van-uitkeringsfraude.md
53ac0d5e6b4094683430400cf01f040c8e4ac5e71fc43fecade65a7287039321  zwangere-jonge-vrouw-zonder-netwerk.md
`;

export const REVIEWED_SAMPLES: ReadonlySet<string> = new Set(
  REVIEWED.trim()
    .split('\n')
    .map((line) => line.split(/\s+/)[0]!),
);
