/** What pages and the API may show of an ID number: region prefix and last four ('3301**********1234'). */
export function maskIdNumber(idNumber: string): string {
  return idNumber.slice(0, 4) + '*'.repeat(Math.max(0, idNumber.length - 8)) + idNumber.slice(-4);
}

/** '138****5678'. */
export function maskPhone(phone: string): string {
  return phone.slice(0, 3) + '*'.repeat(Math.max(0, phone.length - 7)) + phone.slice(-4);
}

/** 'z***@example.com': the first character of the local part and the whole domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
