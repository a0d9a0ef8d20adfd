import { createApp, ref, computed } from "https://unpkg.com/vue@3.4.38/dist/vue.esm-browser.prod.js";

createApp({
  setup() {
    const items = ref([
      { id: 1, name: "Apples", qty: 6, bought: false },
      { id: 2, name: "Oat milk", qty: 2, bought: true },
      { id: 3, name: "Coffee beans", qty: 1, bought: false },
    ]);
    const name = ref("");
    const qty = ref(1);
    const remaining = computed(() => items.value.filter((i) => !i.bought).length);
    function add() {
      if (!name.value) return;
      items.value.push({ id: Date.now(), name: name.value, qty: qty.value || 1, bought: false });
      name.value = "";
      qty.value = 1;
    }
    return { items, name, qty, remaining, add };
  },
}).mount("#app");
