// Interface labels in English and Chinese; node names come from the graph in both.
const labels = {
  en: {
    brand: 'Roadmap', navSearch: 'Search', navPaths: 'Paths', navImpact: 'Impact', navGraphiql: 'GraphiQL', toggle: '中文',
    searchPlaceholder: 'Search technologies, components, products, programs (中文 or English)', searchHint: 'Type at least one character.',
    noResults: 'Nothing matches.', kinds: { TECHNOLOGY: 'Technologies', COMPONENT: 'Components', PRODUCT: 'Products', PROGRAM: 'Programs', DOCUMENT: 'Plans' },
    timeline: 'Status over time', targets: 'Specification targets', goals: 'Goals', sources: 'Sources', needs: 'Needs', neededBy: 'Needed by',
    graph: 'Dependency graph', dependencies: 'What it needs', dependents: 'What needs it', depth: 'Depth', graphHint: 'Click a node to expand it; double-click to open it.',
    notFound: 'No node has this id.', none: 'None stated.', year: 'Year', status: 'Status', plan: 'Plan', section: 'Clause', quote: 'Quote',
    pathsTitle: 'How does one node reach another?', from: 'From', to: 'To', find: 'Find paths', noPaths: 'No path within 6 edges.', pickHint: 'Type a name and choose from the list.',
    impactTitle: 'What is hit if these stay unavailable?', add: 'Add', assume: 'All current gaps (latest status: domestic gap or import-dependent)', run: 'Analyse',
    gapSet: 'Gap set', severity: 'Severity', distance: 'Distance', kind: 'Kind', node: 'Node', csv: 'Download CSV', impactEmpty: 'Nothing depends on the gap set.',
    blocked: 'blocked', atRisk: 'at risk', legend: 'Colour: kind. Border: latest status.',
  },
  zh: {
    brand: '路线图', navSearch: '搜索', navPaths: '路径', navImpact: '影响分析', navGraphiql: 'GraphiQL', toggle: 'English',
    searchPlaceholder: '搜索技术、部件、产品、项目（中文或英文）', searchHint: '请输入至少一个字符。',
    noResults: '没有匹配的结果。', kinds: { TECHNOLOGY: '技术', COMPONENT: '部件与材料', PRODUCT: '产品', PROGRAM: '项目与工程', DOCUMENT: '规划' },
    timeline: '状态变化', targets: '技术指标', goals: '目标', sources: '出处', needs: '依赖', neededBy: '被依赖',
    graph: '依赖关系图', dependencies: '依赖什么', dependents: '被什么依赖', depth: '层数', graphHint: '单击节点展开，双击打开。',
    notFound: '没有这个节点。', none: '未说明。', year: '年份', status: '状态', plan: '规划', section: '条款', quote: '原文',
    pathsTitle: '一个节点如何到达另一个节点？', from: '起点', to: '终点', find: '查找路径', noPaths: '6 步之内没有路径。', pickHint: '输入名称并从列表中选择。',
    impactTitle: '如果这些仍不可得，会影响什么？', add: '添加', assume: '全部现有短板（最新状态为国内空白或依赖进口）', run: '分析',
    gapSet: '短板集合', severity: '严重程度', distance: '距离', kind: '类别', node: '节点', csv: '下载 CSV', impactEmpty: '没有节点依赖这些短板。',
    blocked: '受阻', atRisk: '有风险', legend: '颜色：类别。边框：最新状态。',
  },
};

let lang = localStorage.getItem('roadmap.lang') === 'zh' ? 'zh' : 'en';

export const t = key => labels[lang][key];
export const currentLang = () => lang;
export const name = node => (lang === 'zh' ? node.nameZh : node.nameEn);
export const otherName = node => (lang === 'zh' ? node.nameEn : node.nameZh);

export function toggleLang() {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('roadmap.lang', lang);
}

export function applyStaticLabels() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  document.getElementById('lang').textContent = t('toggle');
}
