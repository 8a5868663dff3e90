import { WordListsForm } from '@/components/desk/word-lists';
import { formatDateTime } from '@/lib/format';
import { wordLists } from '@/lib/desk/word-lists';

export const metadata = { title: 'Listes de mots' };
export const instant = false;

export default async function WordListsPage() {
  const lists = await wordLists();
  return (
    <section aria-labelledby="mots-titre" className="space-y-6">
      <h1 id="mots-titre" className="font-serif text-3xl font-bold">
        Listes de mots
      </h1>
      <div className="max-w-prose space-y-2 text-sm">
        <p>
          Un terme par ligne : un mot ou une expression. Le nom et le texte de chaque commentaire sont examinés au moment où il est
          écrit ou modifié, sur toutes les instances dès l’enregistrement.
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>Sans égard aux majuscules ni aux accents : « écœurant » reconnaît « ECOEURANT ».</li>
          <li>Après une élision : « escroc » reconnaît « l’escroc », « d’escroc », « qu’escroc ».</li>
          <li>Au pluriel en -s, -x ou -aux : « arnaqueur » reconnaît « arnaqueurs », « cheval » reconnaît « chevaux ».</li>
          <li>Une expression, à travers la ponctuation et les espaces : « grand méchant loup » reconnaît « grand, méchant  loup ».</li>
          <li>Jamais à l’intérieur d’un mot plus long : « con » ne reconnaît ni « concours » ni « second ».</li>
        </ul>
        <p>Ces retenues sont automatiques : l’exposé des motifs envoyé à l’auteur le dit, et la page Transparence les compte.</p>
        {lists.updatedAt && <p className="text-muted">Dernière modification : {formatDateTime(lists.updatedAt)}.</p>}
      </div>
      <WordListsForm refused={lists.refused} review={lists.review} />
    </section>
  );
}
