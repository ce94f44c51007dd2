import { ORGANISATIONS } from '@vo/kit';

/**
 * How the security matrix reaches every field that carries an access directive (directly or through its
 * type), keyed by schema coordinate: the directive expected there, a query through the gateway, and whose
 * data the query asks about. A restricted field without an entry here fails the matrix.
 */
export type Subject =
  | { region: string } // detail of one region: national:read or that region's own token
  | { owner: string } // one organisation's scan: only that organisation
  | 'any-organisation' // the caller's own scans: any token with an org claim
  | { anyScope: string[] } // a role-only field: any token holding one of these scopes
  | { organisationIn: readonly string[] } // a partner's write: the org claim names one of these organisations
  | { allOf: Subject[] } // every one of these (a write scope and the policy or read rights of what it returns)
  | { anyOf: Subject[] }; // one of these at least

export interface AccessPath {
  access: string;
  query: string;
  subject: Subject;
}

const LB = { region: 'LB' };
const MAASTRICHT = 'GM0935';
const OWN_SCANS = 'any-organisation' as const;
const DTC_SCAN = { owner: 'dtc' };
// The funders who write grants read every region's grant detail, to see what they wrote (funding's region_detail).
const LB_GRANTS = { anyOf: [LB, { anyScope: ['funding:write'] }] };
const regionDetail = (query: string): AccessPath => ({ access: 'policy:region_detail', query, subject: LB_GRANTS });
const regionBreakdown = (query: string): AccessPath => ({ access: 'policy:region_breakdown', query, subject: LB });
const riecOnly = (query: string): AccessPath => ({ access: 'requiresScopes:riec:read', query, subject: { anyScope: ['riec:read'] } });
const NN_PICTURE = 'NN-2024-H1-DRUG_LABS';
const write = (subgraph: string) => ({ anyScope: [`${subgraph}:write`] });
const ownerWrite = (subgraph: string, query: string): AccessPath => ({ access: `requiresScopes:${subgraph}:write`, query, subject: write(subgraph) });
const KNOWN_ORGANISATION = { organisationIn: ORGANISATIONS.map((organisation) => organisation.id) };
const A_RIEC = { organisationIn: ORGANISATIONS.filter((organisation) => organisation.type === 'RIEC').map((organisation) => organisation.id) };
const SUBMITTER = { allOf: [write('cyber'), KNOWN_ORGANISATION] };
const PRODUCER = { allOf: [write('riec'), A_RIEC] };
const submitter = (query: string): AccessPath => ({ access: 'requiresScopes:cyber:write policy:scan_submitter', query, subject: SUBMITTER });
const producer = (query: string): AccessPath => ({ access: 'requiresScopes:riec:write policy:riec_producer', query, subject: PRODUCER });
// A new picture, not in the seed: the one write the matrix makes (see UnderminingPicturePayload.picture).
const NEW_PICTURE = `{ region: "NN", period: "2026-H2", theme: MOBILE_BANDITRY, classification: MODERATE, signalCount: 3,
  signalsBySource: { police: 1, municipality: 1, publicProsecution: 0, business: 1 }, summary: "Security matrix: a picture of its own." }`;

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
  // issue 6 writes: each refused by its rules or aimed at an unknown id, so that an allowed role writes nothing
  'Mutation.createCertification': ownerWrite('kvo', 'mutation { createCertification(input: { siteId: "GM0000-XX99", scheme: KVO_B, certifiedOn: "1999-01-01" }) { errors { code } } }'),
  'Mutation.updateCertification': ownerWrite('kvo', 'mutation { updateCertification(id: "KVO-B-NO-SUCH", input: {}) { errors { code } } }'),
  'Mutation.withdrawCertification': ownerWrite('kvo', 'mutation { withdrawCertification(id: "KVO-B-NO-SUCH", withdrawnOn: "2026-01-01", reason: "No such certificate.") { errors { code } } }'),
  'Certification.history': ownerWrite('kvo', '{ certifications(first: 1) { nodes { history { action } } } }'),
  'Mutation.recordGrant': ownerWrite('funding', `mutation { recordGrant(input: { funder: "no-such-funder", recipient: "LB", purpose: "matrix", amountCents: 0,
    periodStart: "2026-01-01", periodEnd: "2026-12-31", kind: ONE_OFF, description: "Refused: an unknown funder." }) { errors { code } } }`),
  'Mutation.correctGrant': ownerWrite('funding', 'mutation { correctGrant(id: "no-such-grant", input: { reason: "No such grant." }) { errors { code } } }'),
  // A grant is region detail, so these need its region's rights as well as funding:write, which confers them.
  'Grant.history': { access: 'requiresScopes:funding:write', query: '{ grant(id: "$LB_GRANT") { history { action } } }', subject: { allOf: [LB_GRANTS, write('funding')] } },
  'GrantPayload.grant': {
    access: 'policy:region_detail',
    query: 'mutation { correctGrant(id: "$LB_GRANT", input: { reason: "Terms unchanged: writes nothing." }) { grant { id } } }',
    subject: { allOf: [LB_GRANTS, write('funding')] },
  },
  'Mutation.updatePvo': ownerWrite('regions', 'mutation { updatePvo(region: "XX", input: {}) { errors { code } } }'),
  'Pvo.history': ownerWrite('regions', '{ region(code: "LB") { pvo { history { action } } } }'),
  'Mutation.submitScanResults': submitter('mutation { submitScanResults(scans: []) { written errors { code } } }'),
  'ScanSubmission.scans': { ...submitter('mutation { submitScanResults(scans: []) { scans { id } } }'), access: 'policy:scan_owner' },
  'CyberScan.history': { access: 'requiresScopes:cyber:write', query: '{ cyberScan(id: "$DTC_SCAN") { history { action } } }', subject: { allOf: [DTC_SCAN, write('cyber')] } },
  'Mutation.publishUnderminingPicture': producer(`mutation { publishUnderminingPicture(input: { region: "DH", period: "2024-H1", theme: DRUG_LABS, classification: MODERATE,
    signalCount: 0, signalsBySource: { police: 0, municipality: 0, publicProsecution: 0, business: 0 }, summary: "Another RIEC's region." }) { errors { code } } }`),
  'Mutation.withdrawUnderminingPicture': producer('mutation { withdrawUnderminingPicture(id: "NN-2000-H1-NO_SUCH", reason: "No such picture.") { errors { code } } }'),
  // Only a stored picture shows riec:read at work here, and a seeded one sent again would lose its synthetic mark:
  // so the producer publishes a new picture no other entry reads (sent again unchanged, it would write nothing).
  'UnderminingPicturePayload.picture': {
    access: 'requiresScopes:riec:read',
    query: `mutation { publishUnderminingPicture(input: ${NEW_PICTURE}) { picture { id } } }`,
    subject: { allOf: [PRODUCER, { anyScope: ['riec:read'] }] },
  },
  'UnderminingPicture.history': { access: 'requiresScopes:riec:write', query: `{ underminingPicture(id: "${NN_PICTURE}") { history { action } } }`, subject: { allOf: [write('riec'), { anyScope: ['riec:read'] }] } },
};
