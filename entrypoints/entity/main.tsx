// The full case history page of one entry: entity.html?id=…
import { render } from 'preact';
import { EntityPage } from '../../components/EntityPage.tsx';

const root = document.getElementById('app');
if (root) render(<EntityPage id={new URLSearchParams(location.search).get('id')} />, root);
