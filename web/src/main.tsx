import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles/base.css';
import './styles/badges.css';
import './styles/nav.css';
import './styles/tables.css';
import './styles/charts.css';
import './styles/overview.css';
import './styles/incident.css';
import './styles/forms.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
