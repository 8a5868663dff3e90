import { personalData } from '@/lib/accounts/personal-data';
import { currentAccount } from '@/lib/accounts/session';
import { ApiError } from '@/lib/errors';
import { handleApi } from '@/lib/http/api';

// « Télécharger mes données », from « Mon compte »: the signed-in reader's data as a JSON file.
export async function GET() {
  return handleApi(async () => {
    const account = await currentAccount();
    if (!account) throw new ApiError('not_signed_in', 'Connectez-vous pour télécharger vos données : elles sont liées à votre compte.');
    const data = await personalData(account.id);
    if (!data) throw new ApiError('not_signed_in', 'Ce compte n’existe plus.');
    return new Response(`${JSON.stringify(data, null, 2)}\n`, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="place-des-reseaux-mes-donnees-${data.exporteLe.slice(0, 10)}.json"`,
        'cache-control': 'private, no-store',
      },
    });
  });
}
