import { useCall } from '../../use-call.ts';

export function AppFooter() {
  const info = useCall('app:info', {});
  return (
    <footer class="app-footer">
      <span>Leasehold{info.data ? ` ${info.data.version}` : ''}</span>
      <span aria-hidden="true">·</span>
      <span>Runs locally: scan data never leaves this machine</span>
    </footer>
  );
}
