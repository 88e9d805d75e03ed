import { useAppStore } from '../stores/appStore.js';

export function ThemeToggle() {
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="ghost" aria-label={`Switch to ${next} theme`} aria-pressed={theme === 'dark'} onClick={() => setTheme(next)}>
      {theme === 'dark' ? '☀ Light' : '☾ Dark'}
    </button>
  );
}
