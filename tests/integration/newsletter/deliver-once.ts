// One sender of the letter in a process of its own, for the test that kills it midway
// (delivery.test.ts): sends what is pending, prints its report as JSON, exits.
import { closeDatabase } from '@/lib/db/client';
import { deliverPending } from '@/lib/newsletter/delivery';

deliverPending(new Date())
  .then(async (report) => {
    console.log(JSON.stringify(report));
    await closeDatabase();
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
