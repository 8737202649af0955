import { render } from 'preact';
import { getBridge } from './bridge.ts';
import { BridgeContext } from './bridge-context.ts';
import { App } from './components/shell/app.tsx';

const root = document.getElementById('app');
if (root) {
  render(
    <BridgeContext.Provider value={getBridge()}>
      <App />
    </BridgeContext.Provider>,
    root,
  );
}
