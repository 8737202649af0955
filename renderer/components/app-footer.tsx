import { useCall } from '../use-call.ts';

export function AppFooter() {
  const info = useCall('app:info', {});
  return (
    <footer class="app-footer">
      <span>Leasehold{info.data ? ` ${info.data.version}` : ''}</span>
      <span aria-hidden="true">·</span>
      <span>Runs locally: scan data never leaves this machine</span>
      {info.data && (
        <>
          <span aria-hidden="true">·</span>
          <span class="footer-path" title={info.data.dbPath} dir="auto">
            {info.data.dbPath}
          </span>
        </>
      )}
    </footer>
  );
}
