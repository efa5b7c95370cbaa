// `npm start`: the service, which loads the seed network into an empty database when SEED_ON_START is true.
import { seedIfEmpty } from '../seeds/loader/network.ts';
import { runService } from '../server/main.ts';

await runService({ seedNetwork: seedIfEmpty });
