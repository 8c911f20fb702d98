// A Web Storage stand-in for the stores' tests (self-check, feedback): a Map behind the Storage methods.

/** A tiny Storage: a Map behind the Web Storage methods; subclasses make it throw or fill up. */
export class MemoryStorage implements Storage {
  readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, String(value));
  }
}
