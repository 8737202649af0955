import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LeaseholdBridge } from '../shared/api.ts';

export const BridgeContext = createContext<LeaseholdBridge | null>(null);

export function useBridge(): LeaseholdBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge() outside <BridgeContext.Provider>');
  return bridge;
}
