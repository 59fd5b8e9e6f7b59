/** The French départements and regions (public: the sign-up form needs them). */

/** A French département, GET /api/departments. */
export interface Department {
  code: string;
  name: string;
  regionCode: string;
}

/** A region, GET /api/regions. */
export interface Region {
  code: string;
  name: string;
}
