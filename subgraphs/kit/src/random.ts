import { Faker, base } from '@faker-js/faker';

/**
 * A seeded generator for synthetic data: the same seed gives the same data on every machine
 * (the faker version is pinned exactly in package.json for that reason).
 */
export function seededRandom(seed: number): Faker {
  const faker = new Faker({ locale: [base] });
  faker.seed(seed);
  return faker;
}

/** The seed every synthetic generator starts from, so one number reproduces the whole data set. */
export const SYNTHETIC_SEED = 20191231;
