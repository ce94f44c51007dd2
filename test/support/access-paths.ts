/**
 * How the security matrix reaches every field that carries an access directive (directly or through its
 * type), keyed by schema coordinate: the directive expected there, a query through the gateway, and whose
 * data the query asks about. A restricted field without an entry here fails the matrix.
 */
export type Subject =
  | { region: string } // detail of one region: national:read or that region's own token
  | { owner: string } // one organisation's scan: only that organisation
  | 'any-organisation' // the caller's own scans: any token with an org claim
  | { anyScope: string[] }; // a role-only field: any token holding one of these scopes

export interface AccessPath {
  access: string;
  query: string;
  subject: Subject;
}

const LB = { region: 'LB' };
const MAASTRICHT = 'GM0935';
const OWN_SCANS = 'any-organisation' as const;
const DTC_SCAN = { owner: 'dtc' };
const regionDetail = (query: string): AccessPath => ({ access: 'policy:region_detail', query, subject: LB });
const regionBreakdown = (query: string): AccessPath => ({ access: 'policy:region_breakdown', query, subject: LB });
const riecOnly = (query: string): AccessPath => ({ access: 'requiresScopes:riec:read', query, subject: { anyScope: ['riec:read'] } });
const NN_PICTURE = 'NN-2024-H1-DRUG_LABS';

/** `$DTC_SCAN` and `$LB_GRANT` stand for ids the test looks up first. */
export const ACCESS_PATHS: Record<string, AccessPath> = {
  // cyber
  'Query.cyberScans': { access: 'policy:scan_owner', query: '{ cyberScans(first: 1) { totalCount } }', subject: OWN_SCANS },
  'Query.cyberScan': { access: 'policy:scan_owner', query: '{ cyberScan(id: "$DTC_SCAN") { id } }', subject: DTC_SCAN },
  CyberScan: { access: 'policy:scan_owner', query: '{ cyberScan(id: "$DTC_SCAN") { overallScore scores { score } } }', subject: DTC_SCAN },
  'CyberScanConnection.nodes': { access: 'policy:scan_owner', query: '{ cyberScans(first: 2) { nodes { id } } }', subject: OWN_SCANS },
  'CyberScanEdge.node': { access: 'policy:scan_owner', query: '{ cyberScans(first: 2) { edges { node { id } } } }', subject: OWN_SCANS },
  'Region.cyber': regionBreakdown('{ region(code: "LB") { cyber(sector: RETAIL) { scanCount } } }'),
  'Municipality.cyber': { access: 'policy:region_detail', query: `{ municipality(code: "${MAASTRICHT}") { cyber { scanCount } } }`, subject: LB },
  'CyberSummary.byInstrument': regionBreakdown('{ region(code: "LB") { cyber { byInstrument { instrument } } } }'),
  'CyberSummary.bySector': regionBreakdown('{ region(code: "LB") { cyber { bySector { sector } } } }'),
  // funding
  'Query.grants': regionDetail('{ grants(region: "LB", first: 1) { totalCount } }'),
  'Query.grant': regionDetail('{ grant(id: "$LB_GRANT") { id } }'),
  Grant: regionDetail('{ grant(id: "$LB_GRANT") { amountCents funder { __typename } } }'),
  'GrantConnection.nodes': regionDetail('{ grants(region: "LB", first: 2) { nodes { id } } }'),
  'GrantEdge.node': regionDetail('{ grants(region: "LB", first: 2) { edges { node { id } } } }'),
  'FundingSummary.byFunder': regionDetail('{ region(code: "LB") { funding { byFunder { amountCents } } } }'),
  'FundingSummary.byKind': regionDetail('{ region(code: "LB") { funding { byKind(year: 2024) { amountCents } } } }'),
  'FundingSummary.byTheme': regionDetail('{ region(code: "LB") { funding { byTheme { amountCents } } } }'),
  'FundingYear.byFunder': regionDetail('{ region(code: "LB") { funding { perYear(from: 2024, to: 2024) { byFunder { amountCents } } } } }'),
  'FundingYear.byKind': regionDetail('{ region(code: "LB") { funding { perYear(from: 2024, to: 2024) { byKind { amountCents } } } } }'),
  'FundingYear.byTheme': regionDetail('{ region(code: "LB") { funding { perYear(from: 2024, to: 2024) { byTheme { amountCents } } } } }'),
  'FundingPeriod.byFunder': regionDetail('{ trends(from: 2024, to: 2024, regions: ["LB"]) { rows { funding { byFunder { amountCents } } } } }'),
  'FundingPeriod.byKind': regionDetail('{ trends(from: 2024, to: 2024, regions: ["LB"]) { rows { funding { byKind { amountCents } } } } }'),
  'FundingPeriod.byTheme': regionDetail('{ trends(from: 2024, to: 2024, regions: ["LB"]) { rows { funding { byTheme { amountCents } } } } }'),
  'Organisation.grantsGiven': regionDetail('{ organisation(id: "province-limburg") { grantsGiven(first: 1) { totalCount } } }'),
  'Organisation.grantsReceived': regionDetail('{ organisation(id: "smart-service-campus") { grantsReceived(first: 1) { totalCount } } }'),
  'Municipality.grantsGiven': regionDetail(`{ municipality(code: "${MAASTRICHT}") { grantsGiven(first: 1) { totalCount } } }`),
  'Municipality.grantsReceived': regionDetail(`{ municipality(code: "${MAASTRICHT}") { grantsReceived(first: 1) { totalCount } } }`),
  // riec: pictures for RIEC analysts only; the yearly signals per region also for ministry analysts
  'Query.underminingPictures': riecOnly('{ underminingPictures(region: "NN", first: 1) { totalCount } }'),
  'Query.underminingPicture': riecOnly(`{ underminingPicture(id: "${NN_PICTURE}") { id } }`),
  UnderminingPicture: riecOnly(`{ underminingPicture(id: "${NN_PICTURE}") { summary classification signalCount region { name } } }`),
  'UnderminingPictureConnection.nodes': riecOnly('{ underminingPictures(first: 2) { nodes { id } } }'),
  'UnderminingPictureEdge.node': riecOnly('{ underminingPictures(first: 2) { edges { node { id } } } }'),
  'Region.underminingPictures': riecOnly('{ region(code: "NN") { underminingPictures(year: 2024) { summary producer { name } } } }'),
  'Region.underminingSignals': {
    access: 'requiresScopes:riec:read,national:read',
    query: '{ region(code: "NN") { underminingSignals(from: 2024, to: 2025) { year signalCount } } }',
    subject: { anyScope: ['riec:read', 'national:read'] },
  },
};
