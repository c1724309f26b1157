// Office-supply vocabulary the generator draws from. Names include the characters real feeds carry
// (®, ™, é, quotes and commas), because the import must survive them.
export const MANUFACTURERS = [
  { id: 1001, name: 'Avery Dennison', prefix: 72782 },
  { id: 1002, name: '3M Company', prefix: 51131 },
  { id: 1003, name: 'ACCO Brands, Inc.', prefix: 47168 },
  { id: 1004, name: 'Fellowes®', prefix: 43859 },
  { id: 1005, name: 'Société BIC', prefix: 70330 },
  { id: 1006, name: 'Pilot Corporation of America', prefix: 72838 },
  { id: 1007, name: 'HP Inc.', prefix: 88969 },
  { id: 1008, name: 'Smead Manufacturing', prefix: 86486 },
  { id: 1009, name: 'Newell Brands (Sharpie™)', prefix: 71641 },
  { id: 1010, name: 'Esselte Leitz GmbH & Co KG', prefix: 40026 },
];

export const PRODUCT_KINDS = [
  { category: 'Copy Paper', noun: 'Multipurpose Copy Paper', specs: ['8.5" x 11", 20 lb, 500 Sheets/Ream', '8.5" x 14", 24 lb, 500 Sheets/Ream'], price: [6, 60] },
  { category: 'Pens', noun: 'Retractable Gel Pens', specs: ['0.7 mm, Black, 12/Pack', 'Fine Point, Assorted Colors, 8/Pack'], price: [4, 30] },
  { category: 'File Folders', noun: 'Top Tab File Folders', specs: ['Letter Size, 1/3-Cut, Manila, 100/Box', 'Legal Size, Straight Cut, Kraft, 50/Box'], price: [9, 45] },
  { category: 'Labels', noun: 'Easy Peel® Address Labels', specs: ['1" x 2-5/8", White, 3,000/Pack', '2" x 4", Clear, 250/Pack'], price: [12, 55] },
  { category: 'Sticky Notes', noun: 'Super Sticky Notes', specs: ['3" x 3", Canary Yellow, 12 Pads/Pack', '4" x 6", Lined, Assorted, 5 Pads'], price: [5, 35] },
  { category: 'Toner', noun: 'LaserJet Toner Cartridge', specs: ['High Yield, Black', 'Standard Yield, Cyan'], price: [60, 320] },
  { category: 'Binders', noun: 'Heavy-Duty D-Ring View Binder', specs: ['1" Capacity, 8.5" x 11", White', '3" Capacity, Black'], price: [7, 40] },
  { category: 'Staplers', noun: 'Desktop Stapler', specs: ['20-Sheet Capacity, Black', '40-Sheet Capacity, Silver'], price: [10, 75] },
  { category: 'Shredders', noun: 'Cross-Cut Shredder', specs: ['12-Sheet Capacity, 5 gal Bin', '20-Sheet Capacity, 9 gal Bin'], price: [80, 480] },
  { category: 'Notebooks', noun: 'Wirebound Notebook', specs: ['College Rule, 8.5" x 11", 100 Sheets', 'Narrow Rule, 6" x 9.5", 80 Sheets'], price: [3, 18] },
];

export const ADJECTIVES = ['Premium', 'Everyday', 'Recycled', 'Professional', 'Ultra', 'Classic', 'Eco-Friendly', 'Deluxe'];

export const STORES = [
  { id: 1, code: 'MAIN', name: 'Main Warehouse' },
  { id: 2, code: 'WEST', name: 'West Side Store' },
];
