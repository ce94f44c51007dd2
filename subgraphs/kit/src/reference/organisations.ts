import type { RegionCode } from './regions.js';

/** An organisation named in the sources (DOMAIN.md); persons appear only by role. */
export interface OrganisationRecord {
  id: string;
  name: string;
  abbreviation?: string;
  type:
    | 'MINISTRY'
    | 'NATIONAL_BODY'
    | 'PROVINCE'
    | 'POLICE'
    | 'PROSECUTION'
    | 'RIEC'
    | 'SAFETY_PARTNERSHIP'
    | 'BUSINESS_ASSOCIATION'
    | 'KNOWLEDGE_INSTITUTION'
    | 'OTHER';
  regionCode?: RegionCode;
  description: string;
}

const POLICE_UNITS: [RegionCode, string][] = [
  ['NN', 'Noord-Nederland'], ['ON', 'Oost-Nederland'], ['MN', 'Midden-Nederland'], ['NH', 'Noord-Holland'],
  ['AA', 'Amsterdam'], ['DH', 'Den Haag'], ['RR', 'Rotterdam'], ['ZWB', 'Zeeland-West-Brabant'],
  ['OB', 'Oost-Brabant'], ['LB', 'Limburg'],
];

const police: OrganisationRecord[] = POLICE_UNITS.map(([regionCode, name]) => ({
  id: `police-${regionCode.toLowerCase()}`,
  name: `Politie eenheid ${name}`,
  type: 'POLICE',
  regionCode,
  description: `The ${name} unit of the National Police; the PVO region follows its boundaries.`,
}));

/** Every organisation the hub knows, with the ids other subgraphs use to refer to them. */
export const ORGANISATIONS: readonly OrganisationRecord[] = [
  { id: 'jenv', name: 'Ministerie van Justitie en Veiligheid', abbreviation: 'JenV', type: 'MINISTRY', description: 'Started the PVOs in 2017 and funds them with earmarked project subsidies (cyber, ondermijning); pays the CCV advisers; funds KVO only indirectly, through the PVOs.' },
  { id: 'ezk', name: 'Ministerie van Economische Zaken en Klimaat', abbreviation: 'EZK', type: 'MINISTRY', description: 'Gave a cyber-resilience grant to Limburg, won together with Noord-Nederland.' },
  { id: 'ccv', name: 'Centrum voor Criminaliteitspreventie en Veiligheid', abbreviation: 'CCV', type: 'NATIONAL_BODY', description: 'Supports the PVOs since 2017 with advisers (usually 2 days a week), provides the secretary of the national PVO meeting, and guides KVO-W.' },
  { id: 'dtc', name: 'Digital Trust Center', abbreviation: 'DTC', type: 'NATIONAL_BODY', description: 'Offers the Basisscan Cyberweerbaarheid, the advised first step for entrepreneurs.' },
  { id: 'cyberveilig-nl', name: 'Cyberveilig Nederland', type: 'NATIONAL_BODY', description: 'Works with JenV, DTC, PVO-NL and MKB-Nederland on simple cyber information for entrepreneurs.' },
  { id: 'pvo-nl', name: 'PVO-NL', type: 'NATIONAL_BODY', description: 'The national network of the ten PVOs (inferred from the sources).' },
  { id: 'npc', name: 'Nationaal Platform Criminaliteitsbeheersing', abbreviation: 'NPC', type: 'NATIONAL_BODY', description: 'National crime-control platform; issues that occur in several regions go to a national approach with the NPC.' },
  { id: 'kvk', name: 'Kamer van Koophandel', abbreviation: 'KvK', type: 'NATIONAL_BODY', description: 'Chamber of Commerce; left the Limburg platform in 2013.' },
  { id: 'om', name: 'Openbaar Ministerie', abbreviation: 'OM', type: 'PROSECUTION', description: 'Public Prosecution Service; partner in several platforms and regional partnerships.' },
  { id: 'mkb-nederland', name: 'MKB-Nederland', type: 'BUSINESS_ASSOCIATION', description: 'Started KVO-B in 2005 with JenV; its process guides guide KVO-B projects, split by province; runs "Veilig Zakelijk Internetten".' },
  { id: 'vno-ncw', name: 'VNO-NCW', type: 'BUSINESS_ASSOCIATION', description: 'Employers federation; member in Noord-Nederland and in the Zeeland West-Brabant sounding-board group.' },
  { id: 'khn', name: 'Koninklijke Horeca Nederland', abbreviation: 'KHN', type: 'BUSINESS_ASSOCIATION', description: 'Hospitality trade association; partner in Noord-Nederland and Amsterdam-Amstelland.' },
  { id: 'tln', name: 'Transport en Logistiek Nederland', abbreviation: 'TLN', type: 'BUSINESS_ASSOCIATION', description: 'Logistics trade association; member in Noord-Nederland.' },
  { id: 'lto', name: 'LTO Nederland', abbreviation: 'LTO', type: 'BUSINESS_ASSOCIATION', description: 'Farmers organisation; in talks with Noord-Nederland.' },
  ...police,
  { id: 'riec-nn', name: 'RIEC Noord-Nederland', type: 'RIEC', regionCode: 'NN', description: 'Member of PVO Noord-Nederland; a pilot lets trade associations enrich its undermining pictures.' },
  { id: 'riec-mn', name: 'RIEC Midden-Nederland', type: 'RIEC', regionCode: 'MN', description: 'Part of the Midden-Nederland safety coalition; its 2018 undermining pictures made municipalities and businesses more alert.' },
  { id: 'riec-dh', name: 'RIEC Den Haag', type: 'RIEC', regionCode: 'DH', description: 'Its activities are free for the region.' },
  { id: 'taskforce-riec-bz', name: 'Taskforce RIEC Brabant-Zeeland', type: 'RIEC', regionCode: 'ZWB', description: 'Leads on ondermijning in Brabant and Zeeland (programme "Maatschappelijke Weerbaarheid"); OB and ZWB sit under or beside it.' },
  { id: 'riec-lb', name: 'RIEC Limburg', type: 'RIEC', regionCode: 'LB', description: 'Limburg is exploring links with it.' },
  { id: 'rvs', name: 'Regionale Veiligheidsstrategie Midden-Nederland', abbreviation: 'RVS', type: 'SAFETY_PARTNERSHIP', regionCode: 'MN', description: 'Serves 39 municipalities; houses PVO Midden-Nederland in its cybercrime team.' },
  { id: 'rsiv', name: 'Regionaal Samenwerkingsverband Integrale Veiligheid', abbreviation: 'RSIV', type: 'SAFETY_PARTNERSHIP', regionCode: 'DH', description: 'Partnership of 27 municipalities, police and OM; its coordinator also acts as PVO manager.' },
  { id: 'var', name: 'VeiligheidsAlliantie regio Rotterdam', abbreviation: 'VAR', type: 'SAFETY_PARTNERSHIP', regionCode: 'RR', description: '25 municipalities, police and OM; municipalities pay it pro rata to population; houses PVO Rotterdam.' },
  { id: 'nh-samen-veilig', name: 'Noord-Holland Samen Veilig', type: 'SAFETY_PARTNERSHIP', regionCode: 'NH', description: 'Regional safety budget from which RPC Noord-Holland gets a share.' },
  { id: 'province-limburg', name: 'Provincie Limburg', type: 'PROVINCE', regionCode: 'LB', description: 'Main funder of Veilig Ondernemen Limburg, with a 3-year grant.' },
  { id: 'province-noord-brabant', name: 'Provincie Noord-Brabant', type: 'PROVINCE', description: 'Supports the setting-up of PVO Zeeland West-Brabant; Oost-Brabant hopes for its support.' },
  { id: 'province-noord-holland', name: 'Provincie Noord-Holland', type: 'PROVINCE', regionCode: 'NH', description: 'Its executive for economic affairs sits on the supervisory board of RPC Noord-Holland.' },
  { id: 'lltb', name: 'Limburgse Land- en Tuinbouwbond', abbreviation: 'LLTB', type: 'BUSINESS_ASSOCIATION', regionCode: 'LB', description: 'Farmers association; its chair sits on the Limburg board.' },
  { id: 'lwv', name: 'Limburgse Werkgeversvereniging', abbreviation: 'LWV', type: 'BUSINESS_ASSOCIATION', regionCode: 'LB', description: 'Employers association; its chair sits on the Limburg board.' },
  { id: 'mkb-limburg', name: 'MKB Limburg', type: 'BUSINESS_ASSOCIATION', regionCode: 'LB', description: 'Its chair sits on the Limburg board.' },
  { id: 'smart-service-campus', name: 'Smart Service Campus Heerlen', type: 'KNOWLEDGE_INSTITUTION', regionCode: 'LB', description: 'Base of Veilig Ondernemen Limburg; runs the Expertisecentrum Cyberweerbaarheid with Limburg and Noord-Nederland.' },
  { id: 'haagse-hogeschool', name: 'De Haagse Hogeschool', type: 'KNOWLEDGE_INSTITUTION', regionCode: 'DH', description: 'Carries out the free cybersecurity measurement used by 20 municipalities in Rotterdam-Rijnmond.' },
  { id: 'stichting-cyber-safety', name: 'Cyber Safety foundation', type: 'OTHER', regionCode: 'NN', description: 'Partner of PVO Noord-Nederland.' },
  { id: 'stichting-cyber-security', name: 'Cyber Security foundation', type: 'OTHER', regionCode: 'NN', description: 'Partner of PVO Noord-Nederland.' },
  { id: 'amsterdam-city', name: 'Ondernemersvereniging Amsterdam City', type: 'BUSINESS_ASSOCIATION', regionCode: 'AA', description: 'Business group; partner of PVO Amsterdam-Amstelland.' },
  { id: 'westpoort', name: 'Ondernemersvereniging Westpoort', type: 'BUSINESS_ASSOCIATION', regionCode: 'AA', description: 'Business group of the port area; partner of PVO Amsterdam-Amstelland.' },
  { id: 'de-weerbare-stad', name: 'Programma De Weerbare Stad', type: 'OTHER', regionCode: 'AA', description: 'The city of Amsterdam programme against undermining; partner of PVO Amsterdam-Amstelland.' },
];
