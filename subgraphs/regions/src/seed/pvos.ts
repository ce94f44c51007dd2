import type { RegionCode } from '@vo/kit';
import type { pvos } from '../db/schema.js';

type PvoRow = typeof pvos.$inferInsert;

/** A region's name and its PVO's facts, all taken from DOMAIN.md (sections 2 to 6). */
export interface PvoFacts extends Omit<PvoRow, 'regionCode'> {
  regionName: string;
  partners: string[];
}

export const PVO_FACTS: Record<RegionCode, PvoFacts> = {
  NN: {
    regionName: 'Noord-Nederland', name: 'PVO Noord-Nederland', legalForm: 'VIRTUAL_ORGANISATION', formDescription: 'virtual organisation',
    orientation: 'PUBLIC_PRIVATE', base: 'Politie', hostId: 'police-nn', embeddedInId: null, businessRepresented: true,
    managerArrangement: 'A police officer works part-time as manager; a mayor (De Wolden) chairs; members meet four times a year.',
    managerFte: null, ccvAdviserDaysPerWeek: 2, themes: ['CYBER', 'UNDERMINING', 'RURAL_CRIME'], website: null, visibilityStars: null,
    municipalityCountInReport: 42, startedYear: 2017,
    partners: ['khn', 'tln', 'vno-ncw', 'riec-nn', 'lto', 'mkb-nederland', 'ccv', 'stichting-cyber-safety', 'stichting-cyber-security', 'om'],
    facts: [
      'The police pay the manager; projects are paid from JenV subsidies and CCV contributes staff time.',
      'The "Cyber to go XXL" congress (Sep 2019) and a roadshow held twice a month.',
      'A cyber escape room that tours the country, and company scans.',
      'An ondermijning evening in Assen attended by 35 entrepreneurs.',
      'A pilot in which trade associations help complete the RIEC undermining pictures.',
    ],
  },
  ON: {
    regionName: 'Oost-Nederland', name: 'PVO Oost-Nederland', legalForm: 'INFORMAL_NETWORK', formDescription: 'informal network, no formal governance',
    orientation: 'PUBLIC_PRIVATE', base: 'Politie', hostId: 'police-on', embeddedInId: null, businessRepresented: true,
    managerArrangement: 'A police manager plus a seconded CCV adviser.', managerFte: null, ccvAdviserDaysPerWeek: 2,
    themes: ['UNDERMINING', 'RURAL_CRIME', 'CYBER'], website: 'https://pvo-oostnederland.nl', visibilityStars: null,
    municipalityCountInReport: 76, startedYear: 2017, partners: ['ccv', 'police-on'],
    facts: [
      'Named a model region ("voorbeeldregio") by JenV.',
      'Developed the Keurmerk Veilig Buitengebied with CCV; Bronckhorst was the first municipality certified (2017) and all 8 Achterhoek municipalities take part.',
      'About 150 lectures a year and "Ondernemers Alert" evenings.',
      '15% of farmers in rural areas are approached by criminals.',
      'Funding: "sometimes the province, sometimes the municipality, sometimes nobody" pays; proposes a binding contribution per inhabitant.',
    ],
  },
  MN: {
    regionName: 'Midden-Nederland', name: 'PVO Midden-Nederland', legalForm: 'REGIONAL_PARTNERSHIP', formDescription: 'under RVS (Regionale Veiligheidsstrategie)',
    orientation: 'SERVING_MUNICIPALITIES', base: 'Politie', hostId: 'rvs', embeddedInId: 'rvs', businessRepresented: true,
    managerArrangement: "The manager sits in RVS's cybercrime team; a CCV adviser does much of the work.", managerFte: null,
    ccvAdviserDaysPerWeek: 2, themes: ['CYBER', 'UNDERMINING'], website: 'https://veiligheidscoalitie.nl', visibilityStars: null,
    municipalityCountInReport: 39, startedYear: 2017, partners: ['rvs', 'om', 'police-mn', 'riec-mn', 'ccv'],
    facts: [
      '20 subsidised and 3 unsubsidised ondermijning meetings.',
      'Regular contact with 31 of the 39 municipalities.',
      'About 10% of invitees attend; Veenendaal draws 30 to 50 people.',
      'JenV earmarked grants (ondermijning 2018, cyber 2019) are passed on to municipalities as one-off grants.',
      'Wants a 4-year budget that is less earmarked.',
    ],
  },
  NH: {
    regionName: 'Noord-Holland', name: 'RPC Noord-Holland', legalForm: 'FOUNDATION', formDescription: 'foundation since 2007, kept the old RPC name',
    orientation: 'PUBLIC_PRIVATE', base: 'Politie', hostId: null, embeddedInId: null, businessRepresented: true,
    managerArrangement: 'A full-time police manager; a board of 10 chaired by a security-firm owner, and a supervisory board chaired by the mayor of Hoorn.',
    managerFte: 1, ccvAdviserDaysPerWeek: 2, themes: ['ROBBERY', 'CYBER', 'UNDERMINING'], website: 'https://rpcnh.nl', visibilityStars: 4,
    municipalityCountInReport: 34, startedYear: 2007, partners: ['police-nh', 'om', 'province-noord-holland', 'nh-samen-veilig', 'ccv'],
    facts: [
      'A foundation so it can combine public and private money; all 3 districts have been in since 2019.',
      'Municipalities used to pay a contribution per inhabitant; now NH gets a share of the Noord-Holland Samen Veilig budget.',
      'The budget is set yearly, sometimes not until March; NH wants 2 to 5 years of certainty.',
      'Robbery trainings and Excellent Cameratoezicht (camera scan plus registration in "Camera In Beeld"), reused by other regions.',
    ],
  },
  AA: {
    regionName: 'Amsterdam-Amstelland', name: 'PVO Amsterdam-Amstelland', legalForm: 'COVENANT', formDescription: 'covenant 2019-2022 in 3 layers',
    orientation: 'PUBLIC_PRIVATE', base: 'Gemeente', hostId: null, embeddedInId: null, businessRepresented: true,
    managerArrangement: 'A coordinator working 30 hours a week; the mayor of Amsterdam chairs the covenant since 2019.',
    managerFte: null, ccvAdviserDaysPerWeek: 2, themes: ['ROBBERY', 'CYBER', 'UNDERMINING'], website: null, visibilityStars: null,
    municipalityCountInReport: 6, startedYear: 2015, partners: ['amsterdam-city', 'westpoort', 'khn', 'ccv', 'de-weerbare-stad', 'police-aa', 'om'],
    facts: [
      'The 2015-18 covenant performed poorly; a new covenant for 2019-2022 was signed on 30 Jan 2019.',
      'Three layers: an operational team (every 2 months), a management team, and an administrative meeting of about 20 parties.',
      'Partners contribute money or capacity; the PVO is the legal entity that applies for subsidies.',
      'Camera scans, magnetic locks for businesses robbed often, cash-deposit machines moved indoors.',
    ],
  },
  DH: {
    regionName: 'Den Haag', name: 'PVO Den Haag', legalForm: 'REGIONAL_PARTNERSHIP', formDescription: 'under RSIV (regional integral-safety partnership)',
    orientation: 'SERVING_MUNICIPALITIES', base: 'Gemeente', hostId: 'rsiv', embeddedInId: 'rsiv', businessRepresented: false,
    managerArrangement: 'The RSIV coordinator, seconded from the OM, also acts as PVO manager.', managerFte: null,
    ccvAdviserDaysPerWeek: 2, themes: ['CYBER', 'UNDERMINING'], website: null, visibilityStars: 1,
    municipalityCountInReport: 27, startedYear: 2017, partners: ['rsiv', 'om', 'police-dh', 'riec-dh', 'ccv'],
    facts: [
      'Businesses are not represented; contact runs through the municipalities.',
      'The number of KVO projects in The Hague has roughly halved.',
      'A cybersecurity sample survey was carried out.',
      "There is no support for a contribution per inhabitant; the RIEC's activities are free.",
    ],
  },
  RR: {
    regionName: 'Rotterdam-Rijnmond', name: 'PVO Rotterdam-Rijnmond', legalForm: 'REGIONAL_PARTNERSHIP', formDescription: 'under VAR (VeiligheidsAlliantie regio Rotterdam)',
    orientation: 'SERVING_MUNICIPALITIES', base: 'Gemeente', hostId: 'var', embeddedInId: 'var', businessRepresented: true,
    managerArrangement: 'The head of VAR is also PVO manager; the CCV adviser, officially 2 days a week, in practice works full time.',
    managerFte: null, ccvAdviserDaysPerWeek: 2, themes: ['CYBER', 'AGGRESSION', 'SHOPLIFTING', 'UNDERMINING'],
    website: 'https://veiligheidsalliantie.nl', visibilityStars: null, municipalityCountInReport: 25, startedYear: 2017,
    partners: ['var', 'police-rr', 'om', 'haagse-hogeschool', 'ccv'],
    facts: [
      'Municipalities pay VAR pro rata to population; the PVO itself depends on uncertain yearly JenV project money.',
      'Invited in July to propose an event for the October Safety Week, for EUR 6,000.',
      'A cybersecurity conference held 6 times.',
      'A free cybersecurity measurement by De Haagse Hogeschool with training, used by 20 municipalities.',
    ],
  },
  ZWB: {
    regionName: 'Zeeland-West-Brabant', name: 'PVO Zeeland West-Brabant', legalForm: 'BEING_SET_UP', formDescription: 'being set up',
    orientation: 'NOT_YET_SETTLED', base: 'CCV', hostId: 'ccv', embeddedInId: 'taskforce-riec-bz', businessRepresented: true,
    managerArrangement: 'A CCV adviser (3 days a week) acts as quartermaster.', managerFte: null, ccvAdviserDaysPerWeek: 3,
    themes: ['UNDERMINING', 'CYBER', 'RURAL_CRIME'], website: null, visibilityStars: null, municipalityCountInReport: 39,
    startedYear: null, partners: ['taskforce-riec-bz', 'vno-ncw', 'province-noord-brabant', 'ccv'],
    facts: [
      'Being set up after an earlier platform got a bad name; to be embedded in the Taskforce RIEC Brabant-Zeeland.',
      'Ondermijning scans and training for farmers, and work on GPS theft from tractors.',
      'The "Ik ben toch niet Hack" cyber congress (23 Oct 2019, Breda, about 300 people).',
      'A RIEC meeting in Etten-Leur, after which more reports came in.',
    ],
  },
  OB: {
    regionName: 'Oost-Brabant', name: 'PVO Oost-Brabant', legalForm: 'BEING_SET_UP', formDescription: 'being set up',
    orientation: 'NOT_YET_SETTLED', base: 'CCV', hostId: null, embeddedInId: null, businessRepresented: true,
    managerArrangement: 'An interim manager from the regional safety bureau; neither the police nor JenV pays for a manager.',
    managerFte: null, ccvAdviserDaysPerWeek: null, themes: ['ROBBERY', 'CYBER', 'UNDERMINING'], website: null, visibilityStars: null,
    municipalityCountInReport: 38, startedYear: null, partners: ['ccv', 'province-noord-brabant'],
    facts: [
      'CCV gives 4 days a week, shared with Zeeland West-Brabant.',
      'The old RPC was discredited; the 38 mayors want the PVO linked to the Taskforce RIEC.',
      'A safety fund of EUR 0.25 per inhabitant is almost empty, so hopes rest on the province.',
    ],
  },
  LB: {
    regionName: 'Limburg', name: 'PVO Limburg (Veilig Ondernemen Limburg)', legalForm: 'FOUNDATION', formDescription: 'foundation',
    orientation: 'PUBLIC_PRIVATE', base: 'Smart Service Campus', hostId: 'smart-service-campus', embeddedInId: null, businessRepresented: true,
    managerArrangement: 'A self-employed manager, paid from overhead on each project.', managerFte: null, ccvAdviserDaysPerWeek: null,
    themes: ['CYBER', 'RURAL_CRIME', 'UNDERMINING'], website: 'https://veiligondernemenlimburg.nl', visibilityStars: null,
    municipalityCountInReport: 31, startedYear: null,
    partners: ['province-limburg', 'lltb', 'lwv', 'mkb-limburg', 'om', 'police-lb', 'smart-service-campus', 'riec-lb'],
    facts: [
      'Stalled when the KvK left in 2013; a self-employed manager restarted it.',
      'The province is the main funder, with a 3-year grant; project grants from CCV, JenV and EZK (a large cyber grant, won with NN).',
      "JenV's CCV budget was handed to the PVO in 2019.",
      'Runs the Expertisecentrum Cyberweerbaarheid with NN and Smart Service Campus Heerlen: prevention, information and first-line help.',
      'Drone flights over cannabis grown in maize fields, estate-agent trainings and truck parkings.',
    ],
  },
};
