import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<div>健康扶贫工作平台</div>);
